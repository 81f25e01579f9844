// Deterministic test inputs (no Math.random: a failing test must reproduce).
import { Tensor } from "@zkmlir/core";

/** xorshift32 floats in [-1, 1). */
export function randomF32(shape: readonly number[], seed = 1): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    data[i] = s / 2 ** 31 - 1;
  }
  return new Tensor("f32", shape, data);
}
