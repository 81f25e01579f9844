// Shape inference over onnx ops: each op's result types are refined (never widened) by its shape
// function, in program order so producers are refined before their users. A refined dim that
// contradicts the declared one is an error; functions' result types follow their returns.
import {
  FunctionType, RankedTensorType, TypeAttr, UnrankedTensorType, type Operation, type Type,
} from "@zkmlir/core";
import { onnxPositions, tensorElementType } from "@zkmlir/onnx-dialect";
import { ShapeInferenceError } from "../errors.js";
import { ShapeContext } from "./context.js";
import { fmt, isKnown, type Shape } from "./dims.js";
import { SHAPE_FUNCTIONS } from "./registry.js";

export interface ShapeInferenceResult {
  /** Values whose type was refined. */
  readonly refined: number;
  /** onnx op results that are still not statically shaped (data-dependent or unknown). */
  readonly dynamic: readonly { op: Operation; result: number }[];
}

/** `old` refined by `shape`, or an error message on a conflict. */
function refineType(old: Type, shape: Shape): Type | string {
  const elt = tensorElementType(old);
  if (!shape || !elt || !(old instanceof RankedTensorType || old instanceof UnrankedTensorType)) return old;
  if (!(old instanceof RankedTensorType)) return RankedTensorType.get(shape, elt);
  if (old.rank !== shape.length) return `inferred shape ${fmt(shape)} has rank ${shape.length}, the declared type ${old.key} rank ${old.rank}`;
  const dims = old.shape.map((d, i) => {
    const n = shape[i]!;
    if (isKnown(d) && isKnown(n) && d !== n) return undefined;
    return isKnown(d) ? d : n;
  });
  if (dims.some((d) => d === undefined)) return `inferred shape ${fmt(shape)} contradicts the declared type ${old.key}`;
  return RankedTensorType.get(dims as number[], elt);
}

/** Refines the result types of one onnx op; returns how many changed. */
export function inferOpShapes(op: Operation): number {
  const fn = SHAPE_FUNCTIONS[op.name.slice("onnx.".length)];
  if (!op.name.startsWith("onnx.") || !fn) return 0;
  const c = new ShapeContext(op);
  const shapes = fn(c);
  let changed = 0;
  onnxPositions(op, "results").forEach((r, p) => {
    if (r < 0) return;
    const res = op.result(r);
    const t = refineType(res.type, shapes[p]);
    if (typeof t === "string") throw new ShapeInferenceError(`'${op.name}' result #${r}: ${t}`, op.loc);
    if (t !== res.type) {
      res.type = t;
      changed++;
    }
  });
  return changed;
}

/** Makes a func.func's declared result types those of its return operands. */
function updateFunctionType(fn: Operation): boolean {
  const ft = fn.getAttr("function_type");
  const ret = fn.regions[0]?.entry?.last;
  const type = ft instanceof TypeAttr ? ft.type : undefined;
  if (!(type instanceof FunctionType) || ret?.name !== "func.return") return false;
  const results = ret.operands.map((o) => o.value.type);
  if (results.length === type.results.length && results.every((t, i) => t === type.results[i])) return false;
  fn.setAttr("function_type", new TypeAttr(FunctionType.get(type.inputs, results)));
  return true;
}

const isStatic = (t: Type): boolean => t instanceof RankedTensorType && t.hasStaticShape;

/** Infers shapes of every onnx op nested in `root` and updates the functions' result types. */
export function inferShapes(root: Operation): ShapeInferenceResult {
  let refined = 0;
  const dynamic: { op: Operation; result: number }[] = [];
  root.walk((op) => {
    refined += inferOpShapes(op);
  }, "pre");
  root.walk((op) => {
    if (op.name === "func.func") updateFunctionType(op);
    if (op.name.startsWith("onnx.")) op.results.forEach((r, i) => { if (!isStatic(r.type)) dynamic.push({ op, result: i }); });
  });
  return { refined, dynamic };
}
