// Row geometry of Conv and ConvTranspose. The spatial grid is split into "rows" (all dims but the
// last) and the last axis. Leading dims go through windowMap once (row offsets per row and
// leading tap); along the last axis every tap covers one contiguous range of output points, so
// the hot loops copy or add whole row segments with no per-element bounds checks.
import { windowMap, type WindowGeom } from "./nn-window.js";

export interface RowGeom {
  /** Rows of the outer grid (product of its leading dims). */
  rows: number;
  /** Leading-dim taps (product of the kernel's leading dims). */
  leadTaps: number;
  /** rowOffsets[p*leadTaps + t]: target row index of outer row p under leading tap t, or -1. */
  rowOffsets: Int32Array;
  /** Outer and target lengths of the last axis. */
  outerLen: number;
  targetLen: number;
  /** Last-axis taps, stride, and per last-axis tap: target offset (kx*dilation - padBegin) and the outer range [lo, hi) that lands inside the target. */
  lastTaps: number;
  stride: number;
  tapOffset: Int32Array;
  lo: Int32Array;
  hi: Int32Array;
}

/** Splits a window geometry (outer point o maps to target o*stride - padBegin + k*dilation) into rows and a last axis. */
export function rowGeom(g: WindowGeom): RowGeom {
  const d = g.outer.length - 1;
  const lead = windowMap({
    outer: g.outer.slice(0, d), kernel: g.kernel.slice(0, d), strides: g.strides.slice(0, d), dilations: g.dilations.slice(0, d),
    padsBegin: g.padsBegin.slice(0, d), padsEnd: g.padsEnd.slice(0, d), target: g.target.slice(0, d),
  });
  const outerLen = g.outer[d]!, targetLen = g.target[d]!, lastTaps = g.kernel[d]!, stride = g.strides[d]!;
  const tapOffset = new Int32Array(lastTaps), lo = new Int32Array(lastTaps), hi = new Int32Array(lastTaps);
  for (let k = 0; k < lastTaps; k++) {
    const off = k * g.dilations[d]! - g.padsBegin[d]!;
    const l = Math.max(0, Math.ceil(-off / stride));
    const h = Math.min(outerLen, Math.floor((targetLen - 1 - off) / stride) + 1);
    tapOffset[k] = off;
    lo[k] = l;
    hi[k] = Math.max(l, h);
  }
  return { rows: lead.P, leadTaps: lead.K, rowOffsets: lead.offsets, outerLen, targetLen, lastTaps, stride, tapOffset, lo, hi };
}

/** Outer rows per chunk so that `perRow * rows` float64 values stay under ~8 MB (at least one row). */
export function rowsPerChunk(perRow: number, rows: number): number {
  return Math.max(1, Math.min(rows, Math.floor((1 << 20) / Math.max(1, perRow))));
}
