import type { Tensor } from "@zkmlir/core";
import { KernelError, type Attrs } from "../types.js";

// Typed readers of ONNX attributes and small int-list inputs, with defaults and clear errors.

export function attrInt(op: string, attrs: Attrs, name: string, def: number): number {
  const v = attrs[name];
  if (v === undefined) return def;
  if (typeof v !== "number" || !Number.isInteger(v)) throw new KernelError(`${op}: attribute ${name} must be an int`);
  return v;
}

export function attrFloat(op: string, attrs: Attrs, name: string, def: number): number {
  const v = attrs[name];
  if (v === undefined) return def;
  if (typeof v !== "number") throw new KernelError(`${op}: attribute ${name} must be a float`);
  return v;
}

export function attrString(op: string, attrs: Attrs, name: string, def: string): string {
  const v = attrs[name];
  if (v === undefined) return def;
  if (typeof v !== "string") throw new KernelError(`${op}: attribute ${name} must be a string`);
  return v;
}

/** INTS or FLOATS attribute (undefined when absent). */
export function attrNumbers(op: string, attrs: Attrs, name: string): number[] | undefined {
  const v = attrs[name];
  if (v === undefined) return undefined;
  if (typeof v === "number") return [v];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "number")) {
    throw new KernelError(`${op}: attribute ${name} must be a list of numbers`);
  }
  return v as number[];
}

export function attrStrings(op: string, attrs: Attrs, name: string): string[] | undefined {
  const v = attrs[name];
  if (v === undefined) return undefined;
  if (typeof v === "string") return [v];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) {
    throw new KernelError(`${op}: attribute ${name} must be a list of strings`);
  }
  return v as string[];
}

/** Values of a small integer tensor input (e.g. axes, sizes) as numbers. */
export function intsOf(op: string, t: Tensor, name: string): number[] {
  if (t.dtype !== "i64" && t.dtype !== "i32") throw new KernelError(`${op}: input ${name} must be int64 or int32, got ${t.dtype}`);
  const out: number[] = [];
  for (const v of t.data as BigInt64Array | Int32Array) out.push(Number(v));
  return out;
}

/** Values of a small float tensor input (e.g. scales, roi) as numbers. */
export function floatsOf(op: string, t: Tensor, name: string): number[] {
  if (t.dtype !== "f32" && t.dtype !== "f64") throw new KernelError(`${op}: input ${name} must be float, got ${t.dtype}`);
  return Array.from(t.data as Float32Array | Float64Array);
}

/** An int-list that the current opset takes as input `idx` and older opsets as attribute `name`. */
export function intsInputOrAttr(op: string, inputs: readonly (Tensor | undefined)[], idx: number, attrs: Attrs, name: string): number[] | undefined {
  const t = inputs[idx];
  if (t !== undefined) return intsOf(op, t, name);
  return attrNumbers(op, attrs, name);
}

/** Normalise a possibly negative axis into [0, rank). */
export function normAxis(op: string, axis: number, rank: number, what = "axis"): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new KernelError(`${op}: ${what} ${axis} is out of range for rank ${rank}`);
  }
  return axis < 0 ? axis + rank : axis;
}

export function requireInput(op: string, inputs: readonly (Tensor | undefined)[], idx: number, name: string): Tensor {
  const t = inputs[idx];
  if (t === undefined) throw new KernelError(`${op}: missing required input ${idx} (${name})`);
  return t;
}
