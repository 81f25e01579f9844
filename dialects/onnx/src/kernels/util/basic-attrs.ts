import type { Tensor } from "@zkmlir/core";
import { KernelError, type Attrs } from "../types.js";

// Typed attribute readers: each applies the ONNX default and names op and attribute on error.

export function attrInt(attrs: Attrs, op: string, name: string, dflt: number): number;
export function attrInt(attrs: Attrs, op: string, name: string): number | undefined;
export function attrInt(attrs: Attrs, op: string, name: string, dflt?: number): number | undefined {
  const v = attrs[name];
  if (v === undefined) return dflt;
  if (typeof v !== "number" || !Number.isInteger(v)) throw new KernelError(`${op}: attribute '${name}' must be an int`);
  return v;
}

export function attrFloat(attrs: Attrs, op: string, name: string, dflt: number): number;
export function attrFloat(attrs: Attrs, op: string, name: string): number | undefined;
export function attrFloat(attrs: Attrs, op: string, name: string, dflt?: number): number | undefined {
  const v = attrs[name];
  if (v === undefined) return dflt;
  if (typeof v !== "number") throw new KernelError(`${op}: attribute '${name}' must be a float`);
  return v;
}

export function attrString(attrs: Attrs, op: string, name: string, dflt: string): string {
  const v = attrs[name];
  if (v === undefined) return dflt;
  if (typeof v !== "string") throw new KernelError(`${op}: attribute '${name}' must be a string`);
  return v;
}

export function attrInts(attrs: Attrs, op: string, name: string): number[] | undefined {
  const v = attrs[name];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === "number" && Number.isInteger(x))) {
    throw new KernelError(`${op}: attribute '${name}' must be a list of ints`);
  }
  return v as number[];
}

export function attrFloats(attrs: Attrs, op: string, name: string): number[] | undefined {
  const v = attrs[name];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === "number")) {
    throw new KernelError(`${op}: attribute '${name}' must be a list of floats`);
  }
  return v as number[];
}

export function attrTensor(attrs: Attrs, op: string, name: string): Tensor | undefined {
  const v = attrs[name];
  if (v === undefined) return undefined;
  if (typeof v !== "object" || Array.isArray(v)) throw new KernelError(`${op}: attribute '${name}' must be a tensor`);
  return v;
}
