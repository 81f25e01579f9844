// Merkle tree over the rows of several columns: leaf i = BLAKE3 of row i's canonical values
// (base columns as one element, extension columns as c0, c1, c2), internal node = BLAKE3(l || r).
// Optional cap (Plonky2 "cap height" h): the 2^h nodes at height depth - h are the commitment,
// so openings carry h fewer siblings. The depth and leaf width are fixed by the verifier, which
// is why leaves and nodes need no domain separation.
import type { Digest } from "../hash/digest.js";
import type { FVec, EVec } from "../field/vec-types.js";
import { MerkleError } from "./errors.js";
import { merkleKernels, type MerkleKernels } from "./backend.js";

export type Column = FVec | EVec;

export interface MerkleOpening {
  /** Row values in commitment order (canonical). */
  readonly leaf: bigint[];
  /** Sibling digests from the leaf level upwards (depth - capHeight of them). */
  readonly siblings: Digest[];
}

export interface MerkleOptions {
  /** log2 of the number of cap digests; 0 (default) means a single root. */
  readonly capHeight?: number;
  /** Hashing kernels for this tree (e.g. split over worker threads); default: the active kernels. */
  readonly kernels?: MerkleKernels;
}

function flatten(columns: readonly Column[]): FVec[] {
  return columns.flatMap((c) => (c instanceof BigUint64Array ? [c] : [c.c0, c.c1, c.c2]));
}

function digestAt(level: Uint32Array, i: number): Digest {
  return new Uint8Array(level.slice(8 * i, 8 * i + 8).buffer);
}

export class MerkleTree {
  readonly depth: number;
  readonly capHeight: number;
  readonly numLeaves: number;
  /** Base-field elements per leaf. */
  readonly width: number;
  private readonly cols: FVec[];
  /** levels[0]: leaf digests; levels[k]: 2^(depth-k) nodes of 8 words each, up to the cap. */
  private readonly levels: Uint32Array[];

  constructor(columns: readonly Column[], options: MerkleOptions = {}) {
    this.cols = flatten(columns);
    if (this.cols.length === 0) throw new MerkleError("MerkleTree: at least one column is required");
    const n = this.cols[0]!.length;
    this.cols.forEach((c, j) => {
      if (c.length !== n) throw new MerkleError(`MerkleTree: column ${j} has ${c.length} rows, column 0 has ${n}`);
    });
    if (n < 1 || (n & (n - 1)) !== 0) throw new MerkleError(`MerkleTree: row count must be a power of two, got ${n}`);
    this.numLeaves = n;
    this.width = this.cols.length;
    this.depth = 31 - Math.clz32(n);
    const capHeight = options.capHeight ?? 0;
    if (!Number.isInteger(capHeight) || capHeight < 0 || capHeight > this.depth) {
      throw new MerkleError(`MerkleTree: capHeight must be an integer in [0, ${this.depth}], got ${capHeight}`);
    }
    this.capHeight = capHeight;
    this.levels = (options.kernels ?? merkleKernels()).buildLevels(this.cols, this.depth - capHeight);
  }

  /** The single root; MerkleError when the tree has a cap of several digests. */
  get root(): Digest {
    if (this.capHeight !== 0) throw new MerkleError(`MerkleTree.root: tree has a cap of ${1 << this.capHeight} digests; use cap`);
    return digestAt(this.levels[this.depth]!, 0);
  }

  get cap(): Digest[] {
    const top = this.levels[this.depth - this.capHeight]!;
    return Array.from({ length: top.length / 8 }, (_, i) => digestAt(top, i));
  }

  leafDigest(i: number): Digest {
    this.checkIndex(i);
    return digestAt(this.levels[0]!, i);
  }

  open(i: number): MerkleOpening {
    this.checkIndex(i);
    const leaf = this.cols.map((c) => {
      const x = c[i]!;
      return x >= 0xffffffff00000001n ? x - 0xffffffff00000001n : x;
    });
    const siblings: Digest[] = [];
    for (let k = 0, idx = i; k < this.depth - this.capHeight; k++, idx >>>= 1) {
      siblings.push(digestAt(this.levels[k]!, idx ^ 1));
    }
    return { leaf, siblings };
  }

  private checkIndex(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.numLeaves) {
      throw new MerkleError(`MerkleTree: leaf index ${i} out of range [0, ${this.numLeaves})`);
    }
  }
}
