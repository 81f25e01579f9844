// Merkle path verification: pure, allocation-light, browser-safe (no Node APIs).
import { hashFieldElems, hashTwo, digestEq, DIGEST_BYTES, type Digest } from "../hash/digest.js";
import { P } from "../field/goldilocks.js";
import { MerkleError } from "./errors.js";

/**
 * True iff `leafValues` at `index` opens to `root` (a single digest, or a cap of 2^h digests in
 * which case `siblings` holds depth - h digests) in a tree of 2^depth leaves.
 * Malformed proof data (wrong sibling count or size, index out of range, non-canonical values)
 * returns false; a bad `depth` or cap size (verifier parameters) throws MerkleError.
 */
export function verifyMerklePath(
  root: Digest | readonly Digest[],
  index: number,
  leafValues: readonly bigint[],
  siblings: readonly Digest[],
  depth: number,
): boolean {
  if (!Number.isInteger(depth) || depth < 0 || depth > 32) {
    throw new MerkleError(`verifyMerklePath: depth must be an integer in [0, 32], got ${depth}`);
  }
  const cap = root instanceof Uint8Array ? [root] : root;
  const capHeight = Math.log2(cap.length);
  if (!Number.isInteger(capHeight) || capHeight > depth) {
    throw new MerkleError(`verifyMerklePath: cap size must be a power of two <= 2^${depth}, got ${cap.length}`);
  }
  if (!Number.isInteger(index) || index < 0 || index >= 2 ** depth) return false;
  if (siblings.length !== depth - capHeight) return false;
  for (const v of leafValues) if (v < 0n || v >= P) return false;
  let node = hashFieldElems(leafValues);
  let idx = index;
  for (const sib of siblings) {
    if (sib.length !== DIGEST_BYTES) return false;
    node = idx & 1 ? hashTwo(sib, node) : hashTwo(node, sib);
    idx = Math.floor(idx / 2);
  }
  const top = cap[idx];
  return top !== undefined && digestEq(node, top);
}
