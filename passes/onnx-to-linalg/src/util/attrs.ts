// Typed reads of ONNX attributes with their schema defaults (the importer keeps only the
// attributes a node wrote).
import { ArrayAttr, FloatAttr, IntegerAttr, StringAttr, DenseElementsAttr, type Operation } from "@zkmlir/core";
import { loweringError } from "../errors.js";

export function intAttr(op: Operation, name: string, dflt: number): number {
  const a = op.getAttr(name);
  if (a === undefined) return dflt;
  if (a instanceof IntegerAttr) return Number(a.value);
  throw loweringError(op, `attribute '${name}' must be an integer`);
}

export function floatAttr(op: Operation, name: string, dflt: number): number {
  const a = op.getAttr(name);
  if (a === undefined) return dflt;
  if (a instanceof FloatAttr) return a.value;
  if (a instanceof IntegerAttr) return Number(a.value);
  throw loweringError(op, `attribute '${name}' must be a float`);
}

export function stringAttr(op: Operation, name: string, dflt: string): string {
  const a = op.getAttr(name);
  if (a === undefined) return dflt;
  if (a instanceof StringAttr) return a.value;
  throw loweringError(op, `attribute '${name}' must be a string`);
}

export function intsAttr(op: Operation, name: string): number[] | undefined {
  const a = op.getAttr(name);
  if (a === undefined) return undefined;
  if (a instanceof ArrayAttr && a.elements.every((e) => e instanceof IntegerAttr)) return a.elements.map((e) => Number((e as IntegerAttr).value));
  throw loweringError(op, `attribute '${name}' must be a list of integers`);
}

export function floatsAttr(op: Operation, name: string): number[] | undefined {
  const a = op.getAttr(name);
  if (a === undefined) return undefined;
  if (a instanceof ArrayAttr) return a.elements.map((e) => (e instanceof FloatAttr ? e.value : e instanceof IntegerAttr ? Number(e.value) : NaN));
  throw loweringError(op, `attribute '${name}' must be a list of floats`);
}

export function denseAttr(op: Operation, name: string): DenseElementsAttr | undefined {
  const a = op.getAttr(name);
  return a instanceof DenseElementsAttr ? a : undefined;
}

export function stringsAttr(op: Operation, name: string): string[] | undefined {
  const a = op.getAttr(name);
  if (a === undefined) return undefined;
  if (a instanceof ArrayAttr && a.elements.every((e) => e instanceof StringAttr)) return a.elements.map((e) => (e as StringAttr).value);
  throw loweringError(op, `attribute '${name}' must be a list of strings`);
}
