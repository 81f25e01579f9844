import { blake3 } from "@noble/hashes/blake3.js";
import { MerkleTree, verifyMerklePath, MerkleError } from "../../src/merkle/index.js";
import { digestEq, type Digest } from "../../src/hash/index.js";
import { P, type EVec } from "../../src/field/index.js";
import { setMerkleKernels, tsMerkleKernels, type MerkleKernels } from "../../src/merkle/backend.js";
import { wasmBackends } from "../../src/wasm/index.js";
import { Rng, firstDiff } from "./rand.js";

const backends: [string, MerkleKernels][] = [["ts", tsMerkleKernels], ["wasm", wasmBackends()!.merkle]];

/** Reference root computed with @noble/hashes only. */
function naiveCap(rows: bigint[][], capHeight: number): Digest[] {
  let level: Uint8Array[] = rows.map((r) => {
    const b = new Uint8Array(8 * r.length);
    const dv = new DataView(b.buffer);
    r.forEach((x, i) => dv.setBigUint64(8 * i, x % P, true));
    return blake3(b);
  });
  while (level.length > 1 << capHeight) {
    const next: Uint8Array[] = [];
    for (let j = 0; j < level.length; j += 2) next.push(blake3(Uint8Array.of(...level[j]!, ...level[j + 1]!)));
    level = next;
  }
  return level;
}

describe.each(backends)("Merkle tree (%s backend)", (_name, backend) => {
  let prev: MerkleKernels = tsMerkleKernels;
  beforeAll(() => {
    prev = setMerkleKernels(backend);
  });
  afterAll(() => {
    setMerkleKernels(prev);
  });
  const rng = new Rng(6);
  const n = 64;
  const base = [rng.vec(n), rng.vec(n)];
  const ext: EVec = { c0: rng.vec(n), c1: rng.vec(n), c2: rng.vec(n) };
  base[1]![5] = P + 3n; // non-canonical: committed as 3
  const rows = Array.from({ length: n }, (_, i) => [base[0]![i]!, base[1]![i]! % P, ext.c0[i]!, ext.c1[i]!, ext.c2[i]!]);

  test("root and cap equal a @noble/hashes reference; base and extension columns in order", () => {
    const t = new MerkleTree([base[0]!, base[1]!, ext]);
    expect(t.width).toBe(5);
    expect(t.depth).toBe(6);
    expect(digestEq(t.root, naiveCap(rows, 0)[0]!)).toBe(true);
    const capped = new MerkleTree([base[0]!, base[1]!, ext], { capHeight: 2 });
    const cap = naiveCap(rows, 2);
    expect(capped.cap.length).toBe(4);
    capped.cap.forEach((d, i) => expect(digestEq(d, cap[i]!)).toBe(true));
    expect(() => capped.root).toThrow(MerkleError);
  });

  test("every opening verifies; any flipped bit in a leaf value, sibling or index fails", () => {
    for (const capHeight of [0, 3]) {
      const t = new MerkleTree([base[0]!, base[1]!, ext], { capHeight });
      const root = capHeight === 0 ? t.root : t.cap;
      for (let i = 0; i < n; i++) {
        const { leaf, siblings } = t.open(i);
        expect(leaf).toEqual(rows[i]);
        expect(siblings.length).toBe(6 - capHeight);
        expect(verifyMerklePath(root, i, leaf, siblings, 6)).toBe(true);
      }
      const i = 37;
      const { leaf, siblings } = t.open(i);
      for (let v = 0; v < leaf.length; v++) {
        for (const bit of [0n, 17n, 40n, 63n]) {
          const bad = leaf.slice();
          bad[v] = bad[v]! ^ (1n << bit);
          expect(verifyMerklePath(root, i, bad, siblings, 6)).toBe(false);
        }
      }
      for (let s = 0; s < siblings.length; s++) {
        for (let byte = 0; byte < 32; byte += 7) {
          const bad = siblings.map((d) => d.slice());
          bad[s]![byte]! ^= 1 << (byte % 8);
          expect(verifyMerklePath(root, i, leaf, bad, 6)).toBe(false);
        }
      }
      for (let bit = 0; bit < 6; bit++) expect(verifyMerklePath(root, i ^ (1 << bit), leaf, siblings, 6)).toBe(false);
    }
  });

  test("malformed proofs are rejected, bad parameters throw", () => {
    const t = new MerkleTree([base[0]!]);
    const { leaf, siblings } = t.open(3);
    expect(verifyMerklePath(t.root, 3, leaf, siblings.slice(1), 6)).toBe(false);
    expect(verifyMerklePath(t.root, 64, leaf, siblings, 6)).toBe(false);
    expect(verifyMerklePath(t.root, -1, leaf, siblings, 6)).toBe(false);
    expect(verifyMerklePath(t.root, 3, [leaf[0]! + P], siblings, 6)).toBe(false);
    expect(verifyMerklePath(t.root, 3, [...leaf, 0n], siblings, 6)).toBe(false);
    expect(verifyMerklePath(t.root, 3, leaf, [siblings[0]!.subarray(1), ...siblings.slice(1)], 6)).toBe(false);
    expect(() => verifyMerklePath(t.root, 3, leaf, siblings, 33)).toThrow(MerkleError);
    expect(() => verifyMerklePath([t.root, t.root, t.root], 3, leaf, siblings, 6)).toThrow(/cap size/);
    expect(() => new MerkleTree([])).toThrow(MerkleError);
    expect(() => new MerkleTree([rng.vec(6)])).toThrow(/power of two/);
    expect(() => new MerkleTree([rng.vec(8), rng.vec(4)])).toThrow(/column 1/);
    expect(() => new MerkleTree([rng.vec(8)], { capHeight: 4 })).toThrow(/capHeight/);
    expect(() => t.open(64)).toThrow(/out of range/);
  });

  test("single-leaf tree: root is the leaf hash, empty path", () => {
    const t = new MerkleTree([BigUint64Array.of(5n, 6n).subarray(1)]);
    expect(t.depth).toBe(0);
    const { leaf, siblings } = t.open(0);
    expect(leaf).toEqual([6n]);
    expect(verifyMerklePath(t.root, 0, leaf, siblings, 0)).toBe(true);
  });
});

describe("Merkle backends agree on wide rows (multi-chunk BLAKE3 leaves) and many rows", () => {
  const rng = new Rng(8);
  test.each([1, 7, 8, 127, 128, 129, 300])("width %i", (w) => {
    const n = w > 100 ? 64 : 8192; // 8192 rows spans two WASM row blocks
    const cols = Array.from({ length: w }, () => rng.vec(n, () => (rng.int(50) === 0 ? P + 1n : rng.fe())));
    const a = tsMerkleKernels.buildLevels(cols, 3);
    const b = wasmBackends()!.merkle.buildLevels(cols, 3);
    expect(b.length).toBe(a.length);
    a.forEach((level, k) => expect(firstDiff(b[k]!, level)).toBe(-1));
  });
});

