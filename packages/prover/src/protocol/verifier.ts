// The verifier: replays the transcript, checks the constraint identity at the out-of-domain point,
// then DEEP + FRI queries against the Merkle commitments. Browser-safe: no Node APIs in its imports.
import { VerifyError, ParamsError } from "../errors.js";
import {
  P, extAdd, extEq, extInv, extMul, extPow, extSub, pow, rootOfUnity, type Ext,
} from "../field/index.js";
import type { Digest } from "../hash/index.js";
import { verifyMerklePath } from "../merkle/verify.js";
import { emitConstraints, type Challenges } from "./constraints.js";
import { deepAtPoint, openedCombination } from "./deep.js";
import { extAlgebra, fromComponents } from "./ext-algebra.js";
import { evalExtPoly, foldPair, layerPoint, numFolds } from "./fri-verify.js";
import type { VerificationKey } from "./keys.js";
import { computeLayout, type Layout } from "./layout.js";
import { assertSecurity } from "./params.js";
import type { Opening, Proof } from "./proof.js";
import { deepShape, saltWidths } from "./shape.js";
import { capSize } from "./domain.js";
import { powOk, startTranscript } from "./transcript.js";

export interface VerifyOptions {
  /** Accept the named "insecure-test" preset (tests only). */
  readonly allowInsecureTest?: boolean;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

function fail(reason: string): never {
  throw new VerifyError(reason);
}

/** L_row(z) = w^row (z^n - 1) / (n (z - w^row)). */
function lagrangeAt(lay: Layout, row: number, z: Ext, zhz: Ext): Ext {
  const wr = pow(rootOfUnity(lay.logN), row);
  return extMul(extMul([wr, 0n, 0n], zhz), extInv(extMul([BigInt(lay.n), 0n, 0n], extSub(z, [wr, 0n, 0n]))));
}

/** Throws VerifyError (or ParamsError for refused parameters) on rejection. */
export function verify(vk: VerificationKey, proof: Proof, opts: VerifyOptions = {}): void {
  const { params, cs } = vk;
  const lay = computeLayout(cs, params);
  const logSize = lay.logN + params.logBlowup;
  assertSecurity(params, logSize, opts.allowInsecureTest ?? false);
  const shape = deepShape(cs, lay);
  const salts = saltWidths();

  // Canonical encodings only (the byte decoder already ensures this; objects may not).
  const canonical = (x: bigint): boolean => typeof x === "bigint" && x >= 0n && x < P;
  if (!proof.publics.every((p) => canonical(p.value))) fail("non-canonical public value");
  if (!proof.openings.every((b) => b.every((pt) => pt.every((e) => e.every(canonical))))) fail("non-canonical opened value");
  if (!proof.finalPoly.every((e) => e.every(canonical))) fail("non-canonical final polynomial coefficient");
  if (proof.publics.length !== cs.publics.length) fail(`expected ${cs.publics.length} public values, got ${proof.publics.length}`);
  proof.publics.forEach((p, i) => {
    const want = cs.publics[i]!;
    if (p.label !== want.label || p.scale !== want.scale) fail(`public value ${i} is '${p.label}' (scale ${p.scale}), key expects '${want.label}' (scale ${want.scale})`);
  });
  const batchCap = capSize(logSize - 1);
  if (proof.caps.length !== 3) fail(`expected 3 commitments, got ${proof.caps.length}`);
  proof.caps.forEach((c, i) => {
    if (c.length !== batchCap) fail(`commitment ${i}: expected a cap of ${batchCap} digests, got ${c.length}`);
  });
  if (vk.fixedCap.length !== batchCap) fail(`key's fixed cap has ${vk.fixedCap.length} digests, expected ${batchCap}`);
  const tr = startTranscript(vk.digest, proof.publics);
  tr.absorbCap("advice.cap", proof.caps[0]!);
  const ch: Challenges = {
    beta: tr.challengeExt("beta"),
    gamma: tr.challengeExt("gamma"),
    theta: tr.challengeExt("theta"),
    lambda: tr.challengeExt("lambda"),
  };
  tr.absorbCap("aux.cap", proof.caps[1]!);
  const alpha = tr.challengeExt("alpha");
  tr.absorbCap("quotient.cap", proof.caps[2]!);
  const zeta = tr.challengeExt("zeta");

  // Shapes of the openings.
  if (proof.openings.length !== 4) fail(`expected openings of 4 batches, got ${proof.openings.length}`);
  proof.openings.forEach((batch, b) => {
    if (batch.length !== shape.pointSets[b]!.length) fail(`batch ${b}: expected ${shape.pointSets[b]!.length} opening points, got ${batch.length}`);
    batch.forEach((vals) => {
      if (vals.length !== shape.widths[b]) fail(`batch ${b}: expected ${shape.widths[b]} opened values, got ${vals.length}`);
    });
  });
  proof.openings.forEach((batch, bi) => batch.forEach((vals, j) => tr.absorbExts(`open.${bi}.${j}`, vals)));

  // Constraint identity at zeta: sum_k alpha^k C_k(zeta) = Z_H(zeta) * sum_i zeta^(i s) t_i(zeta),
  // s = chunkStride (the chunk masks cancel in this sum).
  const zetaN = extPow(zeta, lay.n);
  const zh = extSub(zetaN, [1n, 0n, 0n]);
  if (extEq(zh, [0n, 0n, 0n])) fail("out-of-domain point falls in the trace domain");
  const rotIndex = new Map(lay.rotations.map((r, i) => [r, i]));
  const O = proof.openings;
  const nAdvice = cs.advice.length;
  const pubCache = new Map<number, Ext>();
  const alg = extAlgebra({
    advice: (i, r) => O[1]![rotIndex.get(r)!]![i]!,
    fixed: (i, r) => O[0]![rotIndex.get(r)!]![i]!,
    mult: (l) => O[1]![0]![nAdvice + l]!,
    aux: (j, r) => {
      const v = O[2]![r]!;
      return fromComponents(v[3 * j]!, v[3 * j + 1]!, v[3 * j + 2]!);
    },
    x: () => zeta,
    publicPoly: (i) => {
      let v = pubCache.get(i);
      if (v === undefined) {
        v = [0n, 0n, 0n];
        const col = lay.publicColumns[i]!;
        cs.publics.forEach((p, k) => {
          if (p.column === col) v = extAdd(v!, extMul([proof.publics[k]!.value, 0n, 0n], lagrangeAt(lay, p.row, zeta, zh)));
        });
        pubCache.set(i, v);
      }
      return v;
    },
  });
  let combined: Ext = [0n, 0n, 0n];
  let alphaPow: Ext = [1n, 0n, 0n];
  emitConstraints(cs, lay, ch, alg, (_degree, value) => {
    const c = value();
    combined = extAdd(combined, extMul(alphaPow, "base" in c ? c.base : c.ext));
    alphaPow = extMul(alphaPow, alpha);
  });
  let t: Ext = [0n, 0n, 0n];
  let zPow: Ext = [1n, 0n, 0n];
  const zetaS = extPow(zeta, lay.chunkStride);
  const q = O[3]![0]!;
  for (let i = 0; i < lay.numChunks; i++) {
    t = extAdd(t, extMul(zPow, fromComponents(q[3 * i]!, q[3 * i + 1]!, q[3 * i + 2]!)));
    zPow = extMul(zPow, zetaS);
  }
  if (!extEq(combined, extMul(zh, t))) fail("constraints do not hold at the out-of-domain point (quotient mismatch)");

  // DEEP and FRI.
  const deepAlpha = tr.challengeExt("deep.alpha");
  const mu = tr.challengeExt("deep.mu");
  const omega = rootOfUnity(lay.logN);
  const points: Ext[] = lay.rotations.map((r) => extMul(zeta, [pow(omega, r), 0n, 0n]));
  const y = openedCombination(shape, O, deepAlpha);
  const folds = numFolds(lay.logN, params.finalLogLen);
  const betas: Ext[] = [];
  if (proof.friCaps.length !== Math.max(0, folds - 1)) fail(`expected ${Math.max(0, folds - 1)} FRI layer caps, got ${proof.friCaps.length}`);
  proof.friCaps.forEach((c, i) => {
    const want = capSize(logSize - 2 - i);
    if (c.length !== want) fail(`FRI layer ${i + 1}: expected a cap of ${want} digests, got ${c.length}`);
  });
  for (let k = 0; k < folds; k++) {
    if (k > 0) tr.absorbCap("fri.cap", proof.friCaps[k - 1]!);
    betas.push(tr.challengeExt("fri.beta"));
  }
  if (proof.finalPoly.length !== 1 << (lay.logN - folds)) fail(`expected final polynomial of ${1 << (lay.logN - folds)} coefficients, got ${proof.finalPoly.length}`);
  tr.absorbExts("fri.final", proof.finalPoly);
  if (!powOk(tr.snapshot(), proof.nonce, params.grindingBits)) fail("proof-of-work nonce does not meet the grinding target");
  tr.absorbFields("nonce", [proof.nonce]);
  const indices = tr.challengeIndices("queries", params.numQueries, logSize - 1);
  if (proof.queries.length !== params.numQueries) fail(`expected ${params.numQueries} queries, got ${proof.queries.length}`);
  const caps: (readonly Digest[])[] = [vk.fixedCap, ...proof.caps];
  indices.forEach((j, qi) => {
    const qp = proof.queries[qi]!;
    if (qp.batches.length !== 4) fail(`query ${qi}: expected 4 batch openings, got ${qp.batches.length}`);
    qp.batches.forEach((o, b) => {
      const leafLen = 2 * (shape.widths[b]! + salts[b]!);
      if (o.values.length !== leafLen) fail(`query ${qi}, batch ${b}: expected ${leafLen} leaf values, got ${o.values.length}`);
      if (!verifyMerklePath(caps[b]!, j, o.values, o.siblings, logSize - 1)) fail(`query ${qi}, batch ${b}: Merkle path does not open to the commitment`);
    });
    const x = layerPoint(0, logSize, j);
    const lo = deepAtPoint(shape, qp.batches.map((o, b) => o.values.slice(0, shape.widths[b])), x, points, y, deepAlpha, mu);
    const hi = deepAtPoint(shape, qp.batches.map((o, b) => o.values.slice(shape.widths[b]! + salts[b]!, 2 * shape.widths[b]! + salts[b]!)), (0xffff_ffff_0000_0001n - x), points, y, deepAlpha, mu);
    if (qp.layers.length !== Math.max(0, folds - 1)) fail(`query ${qi}: expected ${Math.max(0, folds - 1)} FRI layer openings, got ${qp.layers.length}`);
    if (folds === 0) {
      if (!extEq(lo, evalExtPoly(proof.finalPoly, x)) || !extEq(hi, evalExtPoly(proof.finalPoly, 0xffff_ffff_0000_0001n - x))) fail(`query ${qi}: DEEP value disagrees with the final polynomial`);
      return;
    }
    let v = foldPair(lo, hi, x, betas[0]!);
    let pos = j;
    for (let k = 1; k < folds; k++) {
      const logS = logSize - k;
      const h = 1 << (logS - 1);
      const leaf = pos % h;
      const o: Opening = qp.layers[k - 1]!;
      if (o.values.length !== 6) fail(`query ${qi}, FRI layer ${k}: expected 6 leaf values, got ${o.values.length}`);
      if (!verifyMerklePath(proof.friCaps[k - 1]!, leaf, o.values, o.siblings, logS - 1)) fail(`query ${qi}, FRI layer ${k}: Merkle path does not open to the commitment`);
      const a: Ext = [o.values[0]!, o.values[1]!, o.values[2]!];
      const b: Ext = [o.values[3]!, o.values[4]!, o.values[5]!];
      if (!extEq(pos < h ? a : b, v)) fail(`query ${qi}, FRI layer ${k}: folded value disagrees with the committed layer`);
      v = foldPair(a, b, layerPoint(k, logS, leaf), betas[k]!);
      pos = leaf;
    }
    const xf = layerPoint(folds, logSize - folds, pos);
    if (!extEq(v, evalExtPoly(proof.finalPoly, xf))) fail(`query ${qi}: last fold disagrees with the final polynomial`);
  });
}

/** verify() as a result value: any rejection (bad proof, refused parameters, arithmetic on bad data) is {ok: false}. */
export function verifyProof(vk: VerificationKey, proof: Proof, opts: VerifyOptions = {}): VerifyResult {
  try {
    verify(vk, proof, opts);
    return { ok: true };
  } catch (e) {
    if (e instanceof VerifyError || e instanceof ParamsError) return { ok: false, reason: e.message };
    if (e instanceof Error) return { ok: false, reason: `${e.name}: ${e.message}` };
    return { ok: false, reason: String(e) };
  }
}
