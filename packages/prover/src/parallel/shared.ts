// Vectors backed by SharedArrayBuffer: worker threads read and write them in place (a
// postMessage shares the buffer instead of copying it).
import type { FVec } from "../field/index.js";

export function sharedVec(n: number): FVec {
  return new BigUint64Array(new SharedArrayBuffer(8 * n));
}

export function sharedWords(n: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(4 * n));
}

export function isShared(v: ArrayBufferView): boolean {
  return v.buffer instanceof SharedArrayBuffer;
}

/** v itself when already shared, else a shared copy (one memcpy). */
export function toShared(v: FVec): FVec {
  if (isShared(v)) return v;
  const s = sharedVec(v.length);
  s.set(v);
  return s;
}
