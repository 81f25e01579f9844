// What a shape function sees of one onnx op: its inputs by ONNX position (shape, constant value),
// its attributes as plain values with ONNX defaults applied by the caller, and a located failure.
import { RankedTensorType, type Operation, type Tensor } from "@zkmlir/core";
import { constantDenseValue, kernelAttrs, onnxPositions, tensorOfDense, type Attrs } from "@zkmlir/onnx-dialect";
import { ShapeInferenceError } from "../errors.js";
import { fmt, type Shape } from "./dims.js";

export class ShapeContext {
  readonly attrs: Attrs;
  private readonly ins: number[];
  readonly nOut: number;

  constructor(readonly op: Operation) {
    this.attrs = kernelAttrs(op);
    this.ins = onnxPositions(op, "operands");
    this.nOut = onnxPositions(op, "results").length;
  }

  get opType(): string { return this.op.name.slice("onnx.".length); }
  get nIn(): number { return this.ins.length; }

  /** Whether ONNX input `i` is given. */
  has(i: number): boolean { return (this.ins[i] ?? -1) >= 0; }

  /** Shape of input `i` (undefined when omitted or unranked). */
  shape(i: number): Shape {
    const k = this.ins[i] ?? -1;
    if (k < 0) return undefined;
    const t = this.op.operand(k).type;
    return t instanceof RankedTensorType ? t.shape : undefined;
  }

  /** Shape of input `i`, which the op requires to be given. */
  required(i: number, name: string): Shape {
    if (!this.has(i)) this.fail(`requires input #${i} '${name}'`);
    return this.shape(i);
  }

  rank(i: number): number | undefined { return this.shape(i)?.length; }

  /** The value of input `i` when an onnx.Constant defines it. */
  constant(i: number): Tensor | undefined {
    const k = this.ins[i] ?? -1;
    if (k < 0) return undefined;
    const def = this.op.operand(k).definingOp;
    if (def?.name !== "onnx.Constant") return undefined;
    const d = constantDenseValue(def);
    return d ? tensorOfDense(d) : undefined;
  }

  /** A constant input's values as JS numbers (shapes, axes, sizes), else undefined. */
  ints(i: number): number[] | undefined {
    const t = this.constant(i);
    if (!t) return undefined;
    const out = new Array<number>(t.size);
    for (let k = 0; k < t.size; k++) out[k] = t.getNumber(k);
    return out;
  }

  int(name: string, dflt: number): number {
    const v = this.attrs[name];
    if (v === undefined) return dflt;
    if (typeof v !== "number") this.fail(`attribute '${name}' must be an int`);
    return v;
  }

  intList(name: string): number[] | undefined {
    const v = this.attrs[name];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== "number")) this.fail(`attribute '${name}' must be a list of ints`);
    return v as number[];
  }

  str(name: string, dflt: string): string {
    const v = this.attrs[name];
    if (v === undefined) return dflt;
    if (typeof v !== "string") this.fail(`attribute '${name}' must be a string`);
    return v;
  }

  /** Runs `fn`, turning a thrown message into a located ShapeInferenceError. */
  check<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof ShapeInferenceError) throw e;
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  fail(msg: string): never {
    const ins = this.ins.map((_, i) => (this.has(i) ? fmt(this.shape(i)) : "-")).join(", ");
    throw new ShapeInferenceError(`'${this.op.name}' (inputs ${ins}): ${msg}`, this.op.loc);
  }
}

/** Output shapes by ONNX output position (undefined: unknown rank / not inferred). */
export type ShapeFn = (c: ShapeContext) => Shape[];
