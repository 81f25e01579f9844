// The prover, in Placeholder order: transcript <- vk digest and public values; commit advice and
// lookup multiplicities; challenges beta, gamma, theta, lambda; commit permutation products,
// logUp sums and a random mask; alpha; commit the masked quotient chunks; OOD point zeta; openings;
// DEEP + FRI; proof of work; queries.
import { checkCircuit } from "../circuit/checker.js";
import type { Witness } from "../circuit/circuit.js";
import { validateWitness } from "../circuit/validate.js";
import { ConstraintError } from "../errors.js";
import { extMul, pow, rootOfUnity, type Ext, type FVec } from "../field/index.js";
import { evalPolysExt, interpolate } from "../ntt/index.js";
import { secureRng, type Rng } from "../util/random.js";
import { logupColumns, multiplicities, permutationColumns } from "./aux-columns.js";
import { COSET_SHIFT, commitCoeffs, commitValues, type PolyBatch } from "./commit.js";
import type { Challenges } from "./constraints.js";
import { deepCoeffs } from "./deep.js";
import { friCommit, friQueryOpenings } from "./fri.js";
import type { ProverKey } from "./keys.js";
import type { Proof, PublicValue } from "./proof.js";
import { quotientChunks } from "./quotient.js";
import { maskQuotientChunks } from "./quotient-mask.js";
import { deepShape } from "./shape.js";
import { grind, startTranscript } from "./transcript.js";
import { serialWork, type ColumnWork } from "./column-work.js";
import { parallelWork } from "../parallel/parallel-work.js";
import { workerPool } from "../parallel/pool.js";

function columnWork(workers: number | undefined): ColumnWork {
  // workerPool validates the count (WorkerError); 1 needs no pool.
  return workers === undefined || workers === 1 ? serialWork : parallelWork(workerPool(workers));
}

export interface ProveOptions {
  /** Randomness for blinding; defaults to the platform CSPRNG. Seeded RNGs are for golden tests only. */
  readonly rng?: Rng;
  /** Phase timings (ms) are written here when given. */
  readonly phases?: Record<string, number>;
  /** TESTING ONLY: skip the constraint checker so a bad witness reaches the verifier. */
  readonly unsafeSkipChecker?: boolean;
  /**
   * Randomness for the quotient-split masks only; defaults to `rng`. Lets a test hold the witness
   * blinding fixed (seeded `rng`) and vary the masks alone.
   */
  readonly maskRng?: Rng;
  /** TESTING ONLY: replace (masked) quotient chunk coefficients before commitment (a cheating prover). */
  readonly unsafeTamperQuotient?: (chunks: FVec[]) => void;
  /**
   * Threads for the column-parallel phases (LDE, Merkle hashing, quotient sub-cosets), the calling
   * thread included: 1 (default) runs everything here; N > 1 uses N - 1 worker threads from a
   * shared pool. The proof is byte-identical for every value.
   */
  readonly workers?: number;
}

export function publicValues(pk: ProverKey, w: Witness): PublicValue[] {
  return pk.cs.publics.map((p) => ({ label: p.label, scale: p.scale, value: w.advice[p.column]![p.row]! }));
}

/** Public-input polynomial values on the trace domain, one per public column. */
export function publicColumnValues(pk: ProverKey, values: readonly PublicValue[]): FVec[] {
  return pk.layout.publicColumns.map((col) => {
    const v = new BigUint64Array(pk.layout.n);
    pk.cs.publics.forEach((p, i) => {
      if (p.column === col) v[p.row] = values[i]!.value;
    });
    return v;
  });
}

function extendColumn(v: FVec, lay: { n: number; usable: number }, rng: Rng): FVec {
  const out = new BigUint64Array(lay.n);
  out.set(v);
  out.set(rng.fieldVec(lay.n - lay.usable), lay.usable);
  return out;
}

function timed<T>(phases: Record<string, number> | undefined, name: string, f: () => T): T {
  const t0 = performance.now();
  const r = f();
  if (phases) phases[name] = (phases[name] ?? 0) + performance.now() - t0;
  return r;
}

export function prove(pk: ProverKey, witness: Witness, opts: ProveOptions = {}): Proof {
  const { layout: lay, params, cs } = pk;
  const rng = opts.rng ?? secureRng();
  const ph = opts.phases;
  const work = columnWork(opts.workers);
  validateWitness(pk.circuit, witness);
  if (!opts.unsafeSkipChecker) {
    const v = timed(ph, "check_ms", () => checkCircuit(pk.circuit, witness));
    if (v !== null) throw new ConstraintError(v.message);
  }
  const publics = publicValues(pk, witness);
  const tr = startTranscript(pk.vk.digest, publics);

  const trace = { advice: witness.advice.map((v) => extendColumn(v, lay, rng)), fixed: pk.fixedValues };
  const mults = timed(ph, "multiplicities_ms", () => multiplicities(cs, lay, trace, rng, !opts.unsafeSkipChecker));
  const advice = timed(ph, "witness_commit_ms", () => commitValues([...trace.advice, ...mults], params.logBlowup, rng, work));
  tr.absorbCap("advice.cap", advice.cap);

  const ch: Challenges = {
    beta: tr.challengeExt("beta"),
    gamma: tr.challengeExt("gamma"),
    theta: tr.challengeExt("theta"),
    lambda: tr.challengeExt("lambda"),
  };
  const auxExt = timed(ph, "aux_columns_ms", () => [
    ...permutationColumns(lay, trace, ch, rng),
    ...logupColumns(cs, lay, trace, mults, ch, rng),
    { c0: rng.fieldVec(lay.n), c1: rng.fieldVec(lay.n), c2: rng.fieldVec(lay.n) },
  ]);
  const aux = timed(ph, "aux_commit_ms", () => commitValues(auxExt.flatMap((e) => [e.c0, e.c1, e.c2]), params.logBlowup, rng, work));
  tr.absorbCap("aux.cap", aux.cap);

  const alpha = tr.challengeExt("alpha");
  const publicCoeffs = publicColumnValues(pk, publics).map((v) => interpolate(v));
  const chunks = timed(ph, "quotient_ms", () =>
    quotientChunks({ circuit: cs, layout: lay, logBlowup: params.logBlowup, fixed: pk.fixed, advice, aux, publicCoeffs, challenges: ch, alpha, strict: !opts.unsafeSkipChecker }, work),
  );
  maskQuotientChunks(chunks, lay, opts.maskRng ?? rng);
  opts.unsafeTamperQuotient?.(chunks);
  const quotient = timed(ph, "quotient_commit_ms", () => commitCoeffs(chunks, params.logBlowup, rng, work));
  tr.absorbCap("quotient.cap", quotient.cap);

  const zeta = tr.challengeExt("zeta");
  const omega = rootOfUnity(lay.logN);
  const points: Ext[] = lay.rotations.map((r) => extMul(zeta, [pow(omega, r), 0n, 0n]));
  const shape = deepShape(cs, lay);
  const batches: PolyBatch[] = [pk.fixed, advice, aux, quotient];
  const openings = timed(ph, "openings_ms", () =>
    // One dot product per column against the powers of the point (3 base products per
    // coefficient) instead of Horner in the extension; the values are the same.
    batches.map((b, bi) => shape.pointSets[bi]!.map((p) => evalPolysExt(b.coeffs, points[p]!))),
  );
  openings.forEach((batch, bi) => batch.forEach((vals, j) => tr.absorbExts(`open.${bi}.${j}`, vals)));

  const deepAlpha = tr.challengeExt("deep.alpha");
  const mu = tr.challengeExt("deep.mu");
  const logSize = lay.logN + params.logBlowup;
  const d = timed(ph, "deep_ms", () => {
    const c = deepCoeffs(shape, batches.map((b) => b.coeffs), points, deepAlpha, mu, lay.n);
    const [c0, c1, c2] = work.ldeAll([c.c0, c.c1, c.c2], params.logBlowup, COSET_SHIFT);
    return { c0: c0!, c1: c1!, c2: c2! };
  });
  const fri = timed(ph, "fri_ms", () => friCommit(d, lay.logN, params.finalLogLen, tr, work.merkle));
  const nonce = timed(ph, "grinding_ms", () => grind(tr.snapshot(), params.grindingBits));
  tr.absorbFields("nonce", [nonce]);
  const indices = tr.challengeIndices("queries", params.numQueries, logSize - 1);
  const queries = timed(ph, "queries_ms", () =>
    indices.map((j) => ({
      batches: batches.map((b) => {
        const o = b.tree.open(j);
        return { values: o.leaf, siblings: o.siblings };
      }),
      layers: friQueryOpenings(fri, j).map((o) => ({ values: o.leaf, siblings: o.siblings })),
    })),
  );
  return {
    publics,
    caps: [advice.cap, aux.cap, quotient.cap],
    openings,
    friCaps: fri.caps,
    finalPoly: fri.finalPoly,
    nonce,
    queries,
  };
}
