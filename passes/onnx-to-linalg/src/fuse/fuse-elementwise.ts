// `linalg-fuse-elementwise`: a linalg.generic whose loops are all parallel, whose output map is
// the identity and whose single result has one use is fused into the generic that uses it (as
// upstream's elementwise fusion): the consumer reads the producer's inputs through composed maps
// and computes the producer's body inline. Unlike upstream, arithmetic producers are not fused
// into consumers with reduction loops (they would be recomputed per reduction step). Copies (transposes, broadcasts, reshapes, slices)
// are such producers, so they fold into their consumers' indexing maps. Fusion is skipped when
// a consumer loop would no longer appear alone in any map (its extent could not be inferred).
import { AffineMap, DenseArrayAttr, IRMapping, IntegerAttr, IntegerType, Pass, cloneOp, type Operation, type Value } from "@zkmlir/core";
import { affineMaps, createGeneric, iteratorKinds } from "@zkmlir/linalg";
import { compose, everyLoopPure } from "./affine-compose.js";
import { eraseDeadOps } from "../util/dce.js";

const isGeneric = (op: Operation | undefined): op is Operation => op?.name === "linalg.generic";

interface GenericParts { inputs: Value[]; outputs: Value[]; maps: AffineMap[]; iterators: ("parallel" | "reduction")[] }

function parts(op: Operation): GenericParts | undefined {
  const maps = affineMaps(op.getAttr("indexing_maps"));
  const iterators = iteratorKinds(op.getAttr("iterator_types"));
  const seg = op.getAttr("operandSegmentSizes");
  const nIn = seg instanceof DenseArrayAttr ? seg.values[0] : undefined;
  if (!maps || !iterators || nIn === undefined) return undefined;
  const ops = op.operandValues;
  return { inputs: ops.slice(0, nIn), outputs: ops.slice(nIn), maps, iterators };
}

/** Whether the body only yields one of its inputs (a transpose, broadcast, reshape or slice). */
function isCopy(p: Operation): boolean {
  const body = p.region(0).entry!;
  const y = body.first;
  if (y === null || y !== body.last || y.name !== "linalg.yield") return false;
  const v = y.operand(0);
  return body.args.some((a) => a === v);
}

/**
 * Whether `p` can be inlined into a consumer reading it through `consumerMap`. Into a consumer
 * with reduction loops only copies fuse: arithmetic would be recomputed on every reduction step
 * (more work here, more constraints in a circuit).
 */
function fusibleProducer(p: Operation, pp: GenericParts, consumerMap: AffineMap, consumerReduces: boolean): boolean {
  if (consumerReduces && !isCopy(p)) return false;
  if (p.results.length !== 1 || p.result(0).uses.length !== 1) return false;
  if (pp.outputs.length !== 1 || !pp.iterators.every((k) => k === "parallel")) return false;
  const outMap = pp.maps[pp.maps.length - 1]!;
  if (!outMap.equals(AffineMap.identity(pp.iterators.length))) return false;
  const body = p.region(0).entry!;
  if (body.args[body.args.length - 1]!.hasUses) return false; // reads its init: not elementwise
  // linalg.index d inside the producer is only expressible when the consumer reads dim d plainly.
  let ok = true;
  p.walk((o) => { if (o.name === "linalg.index" && consumerMap.results[Number((o.getAttr("dim") as IntegerAttr).value)]?.kind !== "dim") ok = false; });
  return ok;
}

/** Fuses producer `p` (operand `k` of consumer `c`); returns the new consumer or undefined. */
function fuseInto(c: Operation, k: number): Operation | undefined {
  const cp = parts(c);
  const p = cp?.inputs[k]?.definingOp;
  if (!cp || !isGeneric(p)) return undefined;
  const pp = parts(p);
  if (!pp || !fusibleProducer(p, pp, cp.maps[k]!, cp.iterators.includes("reduction"))) return undefined;
  const nIn = cp.inputs.length;
  const inputs = [...cp.inputs.slice(0, k), ...pp.inputs, ...cp.inputs.slice(k + 1)];
  const maps = [...cp.maps.slice(0, k), ...pp.inputs.map((_, j) => compose(pp.maps[j]!, cp.maps[k]!)), ...cp.maps.slice(k + 1)];
  if (!everyLoopPure(maps, cp.iterators.length)) return undefined;
  const consumerMap = cp.maps[k]!;
  const fused = createGeneric({
    inputs,
    outputs: cp.outputs,
    indexingMaps: maps,
    iteratorTypes: cp.iterators,
    loc: c.loc,
    body: (b, args) => {
      const m = new IRMapping();
      const pBody = p.region(0).entry!;
      pBody.args.slice(0, pp.inputs.length).forEach((a, j) => m.map(a, args[k + j]!));
      let produced: Value | undefined;
      for (let o = pBody.first; o; o = o.next) {
        if (o.name === "linalg.yield") { produced = m.lookupOrDefault(o.operand(0)); break; }
        const copy = b.insert(cloneOp(o, m));
        if (o.name === "linalg.index") {
          const d = Number((o.getAttr("dim") as IntegerAttr).value);
          const e = consumerMap.results[d]!;
          if (e.kind === "dim") copy.setAttr("dim", IntegerAttr.get(e.pos, IntegerType.get(64)));
        }
        o.results.forEach((r, i) => m.map(r, copy.result(i)));
      }
      const cBody = c.region(0).entry!;
      const mc = new IRMapping();
      cBody.args.forEach((a, j) => {
        if (j < k) mc.map(a, args[j]!);
        else if (j === k) mc.map(a, produced!);
        else if (j < nIn) mc.map(a, args[j + pp.inputs.length - 1]!);
        else mc.map(a, args[inputs.length + (j - nIn)]!);
      });
      let yielded: Value[] = [];
      for (let o = cBody.first; o; o = o.next) {
        if (o.name === "linalg.yield") { yielded = o.operandValues.map((v) => mc.lookupOrDefault(v)); break; }
        const copy = b.insert(cloneOp(o, mc));
        o.results.forEach((r, i) => mc.map(r, copy.result(i)));
      }
      return yielded;
    },
  });
  const blk = c.parent!;
  blk.insertBefore(fused, c);
  c.results.forEach((r, i) => r.replaceAllUsesWith(fused.result(i)));
  c.erase();
  p.erase();
  return fused;
}

/** Fuses elementwise producers into their consumers until none is left; returns the count. */
export function fuseElementwise(root: Operation): number {
  let fusedCount = 0;
  for (let changed = true; changed;) {
    changed = false;
    const generics: Operation[] = [];
    root.walk((op) => { if (isGeneric(op)) generics.push(op); });
    for (const c of generics) {
      if (!c.parent) continue; // erased by an earlier fusion in this sweep
      let cur: Operation | undefined = c;
      for (let k = 0; cur && k < (parts(cur)?.inputs.length ?? 0); k++) {
        const next = fuseInto(cur, k);
        if (next) { cur = next; fusedCount++; changed = true; k = -1; }
      }
    }
  }
  if (fusedCount) eraseDeadOps(root); // the fused producers' inits
  return fusedCount;
}

export class FuseElementwisePass extends Pass {
  readonly argument = "linalg-fuse-elementwise";
  readonly description = "Fuse single-use all-parallel linalg.generic producers (elementwise ops, transposes, broadcasts, reshapes) into their consumers";
  run(op: Operation): void {
    this.statistics.set("num-fused", fuseElementwise(op));
  }
}
