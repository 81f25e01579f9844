// Witness-side columns of the arguments: lookup multiplicities (before challenges), then the
// permutation grand products and logUp running sums (after beta, gamma, theta, lambda).
// Rows [usable, n) are blinding rows and get random values, except the boundary row `usable`.
import type { ConstraintSystem as Circuit } from "../circuit/constraint-system.js";
import { evaluateCells } from "../circuit/expr.js";
import { ConstraintError } from "../errors.js";
import {
  EXT_ONE, evAddScaledBase, evAlloc, evBatchInverse, evMul, evMulBase, evPrefixProduct, evPrefixSum, evSub, extMul,
  extNeg, rootOfUnity, vPowers, vScale, vAdd, vAddScalar, type EVec, type Ext, type FVec,
} from "../field/index.js";
import type { Rng } from "../util/random.js";
import { permShift, type Challenges } from "./constraints.js";
import type { Layout } from "./layout.js";
import { traceVecAlgebra } from "./vec-algebra.js";

export interface TraceColumns {
  readonly advice: readonly FVec[];
  readonly fixed: readonly FVec[];
}

/** m[row] = how many enabled input rows look up table row `row` (first occurrence of a tuple). */
export function multiplicities(c: Circuit, lay: Layout, t: TraceColumns, rng: Rng, strict: boolean): FVec[] {
  const alg = traceVecAlgebra(lay.n, t.advice, t.fixed);
  return c.lookups.map((l, li) => {
    const table = c.tables[l.table]!;
    const tcols = table.columns.map((_, k) => t.fixed[lay.fixed.tableStart[l.table]! + k]!);
    const index = new Map<string, number>();
    for (let r = table.size - 1; r >= 0; r--) index.set(tcols.map((col) => col[r]).join(","), r);
    const ins = l.inputs.map((e) => evaluateCells(e, alg));
    const sel = t.fixed[l.selector]!;
    const counts = new Float64Array(lay.usable);
    for (let r = 0; r < lay.usable; r++) {
      if (sel[r] === 0n) continue;
      const key = ins.map((v) => v[r]).join(",");
      const at = index.get(key);
      if (at === undefined) {
        if (strict) throw new ConstraintError(`lookup '${l.name}' (#${li}): tuple (${key}) at row ${r} is not in table '${table.name}'`);
        continue;
      }
      counts[at]!++;
    }
    const m = new BigUint64Array(lay.n);
    for (let r = 0; r < lay.usable; r++) m[r] = BigInt(counts[r]!);
    m.set(rng.fieldVec(lay.n - lay.usable), lay.usable);
    return m;
  });
}

function evSlice(v: EVec, n: number): EVec {
  return { c0: v.c0.subarray(0, n), c1: v.c1.subarray(0, n), c2: v.c2.subarray(0, n) };
}

function setExt(v: EVec, i: number, x: Ext): void {
  v.c0[i] = x[0];
  v.c1[i] = x[1];
  v.c2[i] = x[2];
}

function randomize(v: EVec, from: number, rng: Rng): void {
  const k = v.c0.length - from;
  v.c0.set(rng.fieldVec(k), from);
  v.c1.set(rng.fieldVec(k), from);
  v.c2.set(rng.fieldVec(k), from);
}

/** value + beta * base + gamma over the first u rows. */
function linearTerm(w: FVec, base: FVec, beta: Ext, gamma: Ext, u: number): EVec {
  const o = evAlloc(u);
  evAddScaledBase(o, base.subarray(0, u), beta);
  vAdd(o.c0, o.c0, w.subarray(0, u));
  vAddScalar(o.c0, o.c0, gamma[0]);
  vAddScalar(o.c1, o.c1, gamma[1]);
  vAddScalar(o.c2, o.c2, gamma[2]);
  return o;
}

/** Z (grand product) then the partial products pi_1.. of the chunks, as extension columns. */
export function permutationColumns(lay: Layout, t: TraceColumns, ch: Challenges, rng: Rng): EVec[] {
  if (lay.numPermChunks === 0) return [];
  const { n, usable: u } = lay;
  const xs = vPowers(rootOfUnity(lay.logN), n);
  const kx = new BigUint64Array(n);
  const ratios: EVec[] = [];
  for (let j = 0; j < lay.numPermChunks; j++) {
    let num: EVec | undefined;
    let den: EVec | undefined;
    lay.permColumns.slice(j * lay.permChunk, (j + 1) * lay.permChunk).forEach((col, k) => {
      const pos = j * lay.permChunk + k;
      vScale(kx, xs, permShift(pos));
      const w = t.advice[col]!;
      const a = linearTerm(w, kx, ch.beta, ch.gamma, u);
      const b = linearTerm(w, t.fixed[lay.fixed.sigmaStart + pos]!, ch.beta, ch.gamma, u);
      if (num === undefined) {
        num = a;
        den = b;
      } else {
        evMul(num, num, a);
        evMul(den!, den!, b);
      }
    });
    evBatchInverse(den!, den!);
    evMul(num!, num!, den!);
    ratios.push(num!);
  }
  const cols = ratios.map(() => evAlloc(n));
  const z = cols[0]!;
  // Z[0] = 1, Z[r+1] = Z[r] * prod_j ratio_j[r]: a prefix product whose total is Z[u];
  // pi_j[r] = Z[r] * prod_{j' < j} ratio_j'[r].
  const total = evAlloc(u);
  total.c0.set(ratios[0]!.c0);
  total.c1.set(ratios[0]!.c1);
  total.c2.set(ratios[0]!.c2);
  for (let j = 1; j < ratios.length; j++) evMul(total, total, ratios[j]!);
  setExt(z, u, evPrefixProduct(evSlice(z, u), total));
  const partial = evAlloc(u);
  partial.c0.set(z.c0.subarray(0, u));
  partial.c1.set(z.c1.subarray(0, u));
  partial.c2.set(z.c2.subarray(0, u));
  for (let j = 1; j < cols.length; j++) {
    evMul(partial, partial, ratios[j - 1]!);
    const dst = evSlice(cols[j]!, u);
    dst.c0.set(partial.c0);
    dst.c1.set(partial.c1);
    dst.c2.set(partial.c2);
  }
  randomize(z, u + 1, rng);
  for (let j = 1; j < cols.length; j++) randomize(cols[j]!, u, rng);
  return cols;
}

/** One running sum per lookup: phi[0] = 0, phi[r+1] = phi[r] + sel/(lambda - f) - m/(lambda - t). */
export function logupColumns(c: Circuit, lay: Layout, t: TraceColumns, mults: readonly FVec[], ch: Challenges, rng: Rng): EVec[] {
  const { n, usable: u } = lay;
  const alg = traceVecAlgebra(lay.n, t.advice, t.fixed);
  return c.lookups.map((l, li) => {
    const thetas: Ext[] = [EXT_ONE];
    for (let i = 1; i < l.inputs.length; i++) thetas.push(extMul(thetas[i - 1]!, ch.theta));
    const combine = (vals: readonly FVec[]): EVec => {
      const acc = evAlloc(u);
      vals.forEach((v, i) => evAddScaledBase(acc, v.subarray(0, u), extNeg(thetas[i]!)));
      vAddScalar(acc.c0, acc.c0, ch.lambda[0]);
      vAddScalar(acc.c1, acc.c1, ch.lambda[1]);
      vAddScalar(acc.c2, acc.c2, ch.lambda[2]);
      return acc;
    };
    const a = combine(l.inputs.map((e) => evaluateCells(e, alg)));
    const b = combine(c.tables[l.table]!.columns.map((_, k) => t.fixed[lay.fixed.tableStart[l.table]! + k]!));
    evBatchInverse(a, a);
    evBatchInverse(b, b);
    evMulBase(a, a, t.fixed[l.selector]!.subarray(0, u));
    evMulBase(b, b, mults[li]!.subarray(0, u));
    evSub(a, a, b);
    const phi = evAlloc(n);
    setExt(phi, u, evPrefixSum(evSlice(phi, u), a));
    randomize(phi, u + 1, rng);
    return phi;
  });
}
