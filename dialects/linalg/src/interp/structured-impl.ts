// Reference implementation of any structured op: the body compiled once to a closure, each map
// to an access plan, then the loop nest over the runtime shapes. Outputs start as copies of the
// `outs` tensors, so reductions accumulate into them (destination-passing style).
import { Tensor, dtypeOf, elementTypeOf, type AffineMap, type CompileContext, type Operation, type OpImpl, type RegionFn } from "@zkmlir/core";
import { structuredView, viewMaps } from "../structured/view.js";
import { inferLoopBounds } from "../structured/loop-bounds.js";
import { planAccess, AccessError, type AccessPlan } from "./access-plan.js";
import { outputInnermost } from "./loop-order.js";
import { refineLoops, type RefinedNest } from "./loop-refine.js";
import { planSplitAccess, type SplitAccess } from "./split-access.js";
import { runLoopNest } from "./loop-nest.js";
import { registerLoopIndices } from "./index-state.js";
import { compileScalarBody } from "./scalar-body.js";
import { readerFor, writerFor, cloneTensor, type Reader, type Writer } from "./element-io.js";
import { runLinearNest, type InnerLoop } from "./linear-nest.js";
import { matchFloatBody, floatInner } from "./float-body.js";
import { bodyInner, copyInner, type InnerOperands } from "./generic-inner.js";

/** If the body only yields block arguments, their positions (copy kernels need no body calls). */
export function yieldedArgs(op: Operation): number[] | undefined {
  const block = op.region(0).entry!;
  const y = block.first;
  if (!y || y !== block.last || y.name !== "linalg.yield") return undefined;
  const out: number[] = [];
  for (const v of y.operandValues) {
    const i = block.args.indexOf(v as never);
    if (i < 0) return undefined;
    out.push(i);
  }
  return out;
}

/** Every operand's access for the linear nest, or undefined if a non-linear map is not provably in bounds. */
function splitAccesses(plans: readonly AccessPlan[] | undefined, maps: readonly AffineMap[], shapes: readonly (readonly number[] | undefined)[], bounds: readonly number[]): SplitAccess[] | undefined {
  if (!plans) return undefined;
  const out: SplitAccess[] = [];
  for (let i = 0; i < plans.length; i++) {
    const p = plans[i]!;
    const a = p.kind === "linear" ? p : p.kind === "scalar" ? { base: 0, stride: new Array<number>(bounds.length).fill(0) } : planSplitAccess(maps[i]!, shapes[i]!, bounds);
    if (!a) return undefined;
    out.push(a);
  }
  return out;
}

/** Plans of the refined maps, or undefined when one is out of bounds (the original path reports it in the op's own terms). */
function refinedPlans(opName: string, r: RefinedNest, shapes: readonly (readonly number[] | undefined)[]): AccessPlan[] | undefined {
  try {
    return r.maps.map((m, i) => planAccess(opName, i, m, shapes[i], r.bounds));
  } catch (e) {
    if (e instanceof AccessError) return undefined;
    throw e;
  }
}

export function structuredImpl(op: Operation, c: CompileContext): ReturnType<OpImpl> {
  const v = structuredView(op);
  const maps = viewMaps(v, op.name);
  const nIn = v.inputs.length, nOut = v.outputs.length;
  const nLoops = v.iterators.length;
  const idx = new Array<number>(nLoops).fill(0);
  registerLoopIndices(op, idx);
  const copies = yieldedArgs(op);
  const body: RegionFn | undefined = copies ? undefined : compileScalarBody(op, c) ?? c.compileRegion(op.region(0));
  const operandTypes = [...v.inputs, ...v.outputs].map((o) => o.type);
  const rw = operandTypes.map((t) => {
    const et = elementTypeOf(t);
    const dt = dtypeOf(et);
    if (!dt && t !== et) throw new Error(`unsupported element type '${et.key}'`);
    return dt ? { read: readerFor(dt), write: writerFor(dt) } : undefined;
  });
  const argCount = v.bodyArgs === "all" ? nIn + nOut : nIn;
  // linalg.index reads the loop indices: its nests run unrefined, with the indices kept current.
  let usesIndex = false;
  op.walk((o) => { if (o.name === "linalg.index") usesIndex = true; });
  const floatBody = copies || usesIndex || v.bodyArgs !== "all" || nOut !== 1 ? undefined : matchFloatBody(op, nIn);
  const dtypes = operandTypes.map((t) => dtypeOf(elementTypeOf(t)));
  return {
    run: (args) => {
      const outs = args.slice(nIn).map((t) => cloneTensor(t as Tensor));
      const operands: unknown[] = [...args.slice(0, nIn), ...outs];
      const shapes = operands.map((a) => (a instanceof Tensor ? a.shape : undefined));
      const lb = inferLoopBounds(maps, shapes.map((s) => s ?? []), nLoops);
      if (typeof lb === "string") throw new Error(lb);
      const missing = lb.bounds.findIndex((b) => b === undefined);
      if (missing >= 0) throw new Error(`cannot infer the size of loop dimension d${missing}`);
      const bounds = lb.bounds as number[];
      const plans = maps.map((m, i) => planAccess(op.name, i, m, shapes[i], bounds));
      const datas = operands.map((a) => (a instanceof Tensor ? a.data : undefined));
      const readers: (Reader | undefined)[] = operands.map((a, i) => (a instanceof Tensor ? rw[i]!.read : undefined));
      const writers: Writer[] = outs.map((_, j) => rw[nIn + j]!.write);
      const vals = new Array<unknown>(argCount);
      for (let i = 0; i < argCount; i++) if (!readers[i]) vals[i] = operands[i];
      // Without linalg.index the loops may be refined (split, merged): the points and order stay.
      const refined = bounds.includes(0) ? undefined : usesIndex ? { maps, bounds } : refineLoops(maps, bounds);
      const split = refined && splitAccesses(refined.maps === maps ? plans : refinedPlans(op.name, refined, shapes), refined.maps, shapes, refined.bounds);
      if (refined && split) {
        const io: InnerOperands = { datas, readers, writers, vals, nIn, argCount };
        let inner: InnerLoop;
        if (floatBody && datas.every((d) => d)) inner = floatInner(floatBody, datas as (Float32Array | Float64Array)[], dtypes[0] === "f32");
        else if (copies) inner = copyInner(io, copies, copies.map((a, j) => dtypes[a] === dtypes[nIn + j]));
        else inner = bodyInner(io, body!, usesIndex ? idx : undefined);
        const reordered = floatBody ? outputInnermost(refined.maps[refined.maps.length - 1]!, refined.bounds, split) : undefined;
        // runLinearNest declines (false) only when the innermost loop is non-linear: never once reordered.
        if (runLinearNest(reordered?.bounds ?? refined.bounds, reordered?.access ?? split, inner, usesIndex ? idx : undefined)) return outs;
      }
      const visit = (off: number[]) => {
        for (let i = 0; i < argCount; i++) {
          const r = readers[i];
          if (r) vals[i] = r(datas[i]!, off[i]!);
        }
        if (copies) {
          for (let j = 0; j < nOut; j++) writers[j]!(datas[nIn + j]!, off[nIn + j]!, vals[copies[j]!]);
          return;
        }
        const res = body!(vals);
        for (let j = 0; j < nOut; j++) writers[j]!(datas[nIn + j]!, off[nIn + j]!, res[j]);
      };
      runLoopNest(bounds, plans, idx, visit);
      return outs;
    },
  };
}
