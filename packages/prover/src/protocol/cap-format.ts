// Merkle caps in the proof and key formats: a length-prefixed list of 32-byte digests.
import type { ByteReader, ByteWriter } from "../util/bytes.js";

const MAX_CAP = 1 << 10;

export function writeCap(w: ByteWriter, cap: readonly Uint8Array[]): void {
  w.u32(cap.length);
  for (const d of cap) w.bytes(d);
}

/** `what` names the cap in errors ("cap", "fixed cap"): "<what> size", "<what> digest". */
export function readCap(r: ByteReader, what: string): Uint8Array[] {
  return Array.from({ length: r.count(`${what} size`, 1, MAX_CAP) }, () => r.bytes(32, `${what} digest`));
}
