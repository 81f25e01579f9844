// FRI with arity-2 folding over extension-valued evaluations on g^(2^k) * <w_{N_k}>:
//   f'(x^2) = (f(x) + f(-x)) + beta * (f(x) - f(-x)) / x.
// Layer 0 (the DEEP polynomial) is not committed: the verifier recomputes it from the batch
// openings. Layers 1..F-1 are committed; layer F is replaced by its polynomial (finalPoly).
import { evAdd, evAlloc, evMulBase, evScale, evSub, inv, mul, rootOfUnity, vPowers, vScale, type EVec, type Ext } from "../field/index.js";
import type { Digest } from "../hash/index.js";
import { MerkleTree, type MerkleOpening } from "../merkle/index.js";
import type { MerkleKernels } from "../merkle/backend.js";
import { cosetIntt } from "../ntt/index.js";
import { capTree, COSET_SHIFT, pairedLeafColumns } from "./commit.js";
import type { Transcript } from "./transcript.js";
import { numFolds } from "./fri-verify.js";

export interface FriCommitment {
  readonly caps: Digest[][];
  readonly finalPoly: Ext[];
  readonly trees: MerkleTree[];
  readonly betas: Ext[];
}

function foldVec(v: EVec, shift: bigint, beta: Ext): EVec {
  const N = v.c0.length;
  const h = N / 2;
  const lo = { c0: v.c0.subarray(0, h), c1: v.c1.subarray(0, h), c2: v.c2.subarray(0, h) };
  const hi = { c0: v.c0.subarray(h), c1: v.c1.subarray(h), c2: v.c2.subarray(h) };
  const sum = evAlloc(h);
  const diff = evAlloc(h);
  evAdd(sum, lo, hi);
  evSub(diff, lo, hi);
  const xInv = vPowers(inv(rootOfUnity(Math.log2(N))), h);
  vScale(xInv, xInv, inv(shift));
  evMulBase(diff, diff, xInv);
  evScale(diff, diff, beta);
  evAdd(sum, sum, diff);
  return sum;
}

export function friCommit(d: EVec, logDegree: number, finalLogLen: number, tr: Transcript, merkle?: MerkleKernels): FriCommitment {
  const folds = numFolds(logDegree, finalLogLen);
  let cur = d;
  let shift = COSET_SHIFT;
  const caps: Digest[][] = [];
  const trees: MerkleTree[] = [];
  const betas: Ext[] = [];
  for (let k = 0; k < folds; k++) {
    if (k > 0) {
      const tree = capTree(pairedLeafColumns([cur.c0, cur.c1, cur.c2]), merkle);
      trees.push(tree);
      caps.push(tree.cap);
      tr.absorbCap("fri.cap", tree.cap);
    }
    const beta = tr.challengeExt("fri.beta");
    betas.push(beta);
    cur = foldVec(cur, shift, beta);
    shift = mul(shift, shift);
  }
  const bound = 1 << (logDegree - folds);
  const comps = [cur.c0, cur.c1, cur.c2].map((v) => cosetIntt(v, shift));
  const finalPoly: Ext[] = [];
  for (let i = 0; i < bound; i++) finalPoly.push([comps[0]![i]!, comps[1]![i]!, comps[2]![i]!]);
  tr.absorbExts("fri.final", finalPoly);
  return { caps, finalPoly, trees, betas };
}

/** Openings of the committed layers for the query with layer-0 leaf index j0. */
export function friQueryOpenings(c: FriCommitment, j0: number): MerkleOpening[] {
  return c.trees.map((t) => t.open(j0 % t.numLeaves));
}

