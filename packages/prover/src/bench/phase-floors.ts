// The kernel floor of each prover phase: the sum of the measured costs of the kernels the phase
// must run (LDE per column x columns, Merkle hashing per element x elements, vector ops x
// elements, ...), single-threaded. Copies, allocation and bookkeeping are left out on purpose,
// so measured / floor says how far a phase is from what its kernels alone cost on this machine.
import type { Algebra } from "../protocol/constraints.js";
import { emitConstraints } from "../protocol/constraints.js";
import type { ProverKey } from "../protocol/keys.js";
import { numFolds } from "../protocol/fri-verify.js";
import { logQFor, neededSources } from "../protocol/quotient-coset.js";
import { deepShape } from "../protocol/shape.js";
import { SALT_WIDTH } from "../protocol/domain.js";
import type { KernelCosts } from "./kernel-costs.js";

/** Phases with a floor model, in protocol order. */
export const FLOOR_PHASES = ["witness_commit_ms", "aux_commit_ms", "quotient_ms", "quotient_commit_ms", "openings_ms", "deep_ms", "fri_ms"] as const;

const ms = (ns: number): number => ns / 1e6;

/** LDE (and interpolation for columns given by values) of every column, then the Merkle tree. */
function commitFloor(pk: ProverKey, k: KernelCosts, cols: number, fromValues: boolean): number {
  const N = pk.layout.n << pk.params.logBlowup;
  const perCol = k.lde + (fromValues ? k.interpolate : 0);
  return cols * perCol + ms(N * (cols + SALT_WIDTH) * k.leafElemNs + (N / 2) * k.nodeNs);
}

/** Per element of one sub-coset, the cost of each algebra operation (vec-algebra.ts). */
function opNs(k: KernelCosts): Record<string, number> {
  return {
    add: k.vAddNs, sub: k.vAddNs, neg: k.vMulNs, mul: k.vMulNs,
    scaleB: 3 * k.vMulNs, eAdd: k.evAddNs, eSub: k.evAddNs, eAddC: k.evAddNs, eAddB: k.vAddNs,
    eMul: k.evMulNs, eMulB: k.evMulBaseNs,
  };
}

/** Vector ops of each degree group counted with an algebra that prices calls and computes nothing. */
function quotientFloor(pk: ProverKey, k: KernelCosts): number {
  const { cs, layout: lay } = pk;
  const zero = [0n, 0n, 0n] as const;
  const ch = { beta: zero, gamma: zero, theta: zero, lambda: zero };
  const price = opNs(k);
  const groups = new Set<number>();
  emitConstraints(cs, lay, ch, pricing(() => 0), (d) => void groups.add(logQFor(d)));
  let total = 0;
  for (const logQ of groups) {
    let perElem = 3 * k.vMulNs; // the 1 / Z_H scaling
    const alg = pricing((name) => (perElem += price[name] ?? 0));
    emitConstraints(cs, lay, ch, alg, (d, value) => {
      if (logQFor(d) !== logQ) return;
      perElem += "base" in value() ? k.evAddScaledBaseNs : k.evAddScaledNs;
    });
    const missing = pk.params.logBlowup >= logQ ? neededSources(cs, lay, ch, logQ).filter((s) => s[0] === "p").length : neededSources(cs, lay, ch, logQ).length;
    total += ms(perElem * (lay.n << logQ)) + missing * k.ldeBy(logQ) + 3 * k.cosetIntt(logQ) + ms(3 * (lay.n << logQ) * k.vAddNs);
  }
  return total;
}

function pricing(onCall: (name: string) => void): Algebra<null, null> {
  return new Proxy({} as Algebra<null, null>, {
    get: (_, name) => () => {
      if (typeof name === "string") onCall(name);
      return null;
    },
  });
}

export function phaseFloors(pk: ProverKey, k: KernelCosts): Record<string, number> {
  const { cs, layout: lay, params } = pk;
  const n = lay.n;
  const shape = deepShape(cs, lay);
  const opened = shape.widths.reduce((s, w, b) => s + w * shape.pointSets[b]!.length, 0);
  const totalCols = shape.widths.reduce((s, w) => s + w, 0);
  const pointBatches = shape.pointSets.reduce((s, set) => s + set.length, 0);
  let fri = 0;
  const folds = numFolds(lay.logN, params.finalLogLen);
  for (let f = 0; f < folds; f++) {
    const Nk = (n << params.logBlowup) >> f;
    // fold: sum, difference, times 1/x, times beta, add (on N_k / 2 extension elements)
    fri += ms((Nk / 2) * (3 * k.evAddNs + k.evMulBaseNs + k.evAddScaledNs));
    if (f > 0) fri += ms(Nk * 3 * k.leafElemNs + (Nk / 2) * k.nodeNs);
  }
  return {
    witness_commit_ms: commitFloor(pk, k, lay.numAdviceBatch, true),
    aux_commit_ms: commitFloor(pk, k, 3 * lay.numAuxExt, true),
    quotient_ms: quotientFloor(pk, k),
    quotient_commit_ms: commitFloor(pk, k, 3 * lay.numChunks, false),
    openings_ms: ms(opened * n * k.evalNs) + pointBatches * k.evalPowers,
    deep_ms: ms(totalCols * n * k.linCombNs + pointBatches * n * k.evAddNs + shape.numPoints * n * k.evAddScaledNs) + shape.numPoints * k.divide + 3 * k.lde,
    fri_ms: fri,
  };
}
