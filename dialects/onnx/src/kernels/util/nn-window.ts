import { shapeStrides } from "@zkmlir/core";

/**
 * Sliding-window geometry shared by Conv, ConvTranspose and the pools. For every point p of an
 * outer grid and every kernel tap k, the target position along each spatial dim is
 * `p*stride - padBegin + k*dilation`; `offsets[p*K + k]` is the flat spatial offset of that
 * position in the target grid, or -1 when it falls outside. Precomputed once per call so the
 * hot loops do no index arithmetic.
 */
export interface WindowMap {
  /** Points of the outer grid. */
  P: number;
  /** Kernel taps. */
  K: number;
  offsets: Int32Array;
  /** Per outer point: taps inside [-padBegin, target + padEnd) (count_include_pad divisor). */
  inPadded: Int32Array;
}

export interface WindowGeom {
  outer: readonly number[];
  kernel: readonly number[];
  strides: readonly number[];
  dilations: readonly number[];
  padsBegin: readonly number[];
  padsEnd: readonly number[];
  target: readonly number[];
}

export function windowMap(g: WindowGeom): WindowMap {
  const tStr = shapeStrides(g.target);
  let P = 1, K = 1;
  let offsets = new Int32Array([0]);
  let inPadded = new Int32Array([1]);
  for (let d = 0; d < g.outer.length; d++) {
    const od = g.outer[d]!, kd = g.kernel[d]!, s = g.strides[d]!, dil = g.dilations[d]!;
    const pb = g.padsBegin[d]!, tdim = g.target[d]!, hi = tdim + g.padsEnd[d]!;
    const nP = P * od, nK = K * kd;
    const next = new Int32Array(nP * nK);
    const nextPad = new Int32Array(nP);
    for (let pp = 0; pp < P; pp++) {
      for (let o = 0; o < od; o++) {
        const np_ = pp * od + o;
        let cnt = 0;
        for (let kk = 0; kk < kd; kk++) {
          const pos = o * s - pb + kk * dil;
          if (pos >= -pb && pos < hi) cnt++;
        }
        nextPad[np_] = inPadded[pp]! * cnt;
        for (let kp = 0; kp < K; kp++) {
          const prev = offsets[pp * K + kp]!;
          for (let kk = 0; kk < kd; kk++) {
            const pos = o * s - pb + kk * dil;
            next[np_ * nK + kp * kd + kk] = prev < 0 || pos < 0 || pos >= tdim ? -1 : prev + pos * tStr[d]!;
          }
        }
      }
    }
    offsets = next;
    inPadded = nextPad;
    P = nP;
    K = nK;
  }
  return { P, K, offsets, inPadded };
}
