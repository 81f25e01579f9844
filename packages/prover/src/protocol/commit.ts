// A committed batch of polynomials: coefficients, the low-degree extension on the coset
// g * <w_{n * blowup}>, and a Merkle tree whose leaf j holds the row j and row j + N/2 of every
// column (the pair x, -x that one FRI fold needs, so a query opens one leaf per batch).
import type { FVec } from "../field/index.js";
import { CAP_HEIGHT, COSET_SHIFT, SALT_WIDTH } from "./domain.js";

export { COSET_SHIFT, SALT_WIDTH };
import type { Digest } from "../hash/index.js";
import { MerkleTree } from "../merkle/index.js";
import type { MerkleKernels } from "../merkle/backend.js";
import type { Rng } from "../util/random.js";
import { serialWork, type ColumnWork } from "./column-work.js";

export interface PolyBatch {
  readonly coeffs: readonly FVec[];
  readonly lde: readonly FVec[];
  /** Salt columns (not polynomials), present in the leaves after the polynomial columns. */
  readonly salt: readonly FVec[];
  readonly tree: MerkleTree;
  /** The commitment: the tree cap (see CAP_HEIGHT). */
  readonly cap: Digest[];
}

/** A Merkle tree with the protocol's cap height (lower for tiny trees). */
export function capTree(cols: readonly FVec[], kernels?: MerkleKernels): MerkleTree {
  const depth = 31 - Math.clz32(cols[0]!.length);
  return new MerkleTree(cols, { capHeight: Math.min(CAP_HEIGHT, depth), ...(kernels ? { kernels } : {}) });
}

export function pairedLeafColumns(cols: readonly FVec[]): FVec[] {
  const half = cols[0]!.length / 2;
  return [...cols.map((v) => v.subarray(0, half)), ...cols.map((v) => v.subarray(half))];
}

/** Commit polynomials given by coefficients; `saltRng` adds SALT_WIDTH random columns to the leaves. */
export function commitCoeffs(coeffs: readonly FVec[], logBlowup: number, saltRng?: Rng, work: ColumnWork = serialWork): PolyBatch {
  const ldes = work.ldeAll(coeffs, logBlowup, COSET_SHIFT);
  const size = coeffs[0]!.length << logBlowup;
  const salt = saltRng === undefined ? [] : Array.from({ length: SALT_WIDTH }, () => saltRng.saltVec(size));
  const tree = capTree(pairedLeafColumns([...ldes, ...salt]), work.merkle);
  return { coeffs, lde: ldes, salt, tree, cap: tree.cap };
}

/** Commit columns given by their values on the trace domain <w_n>. */
export function commitValues(values: readonly FVec[], logBlowup: number, saltRng?: Rng, work: ColumnWork = serialWork): PolyBatch {
  return commitCoeffs(work.interpolateAll(values), logBlowup, saltRng, work);
}
