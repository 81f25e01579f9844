// Window geometry shared by Conv, ConvTranspose and the pools: kernel, strides, dilations and
// begin/end pads per spatial axis, with auto_pad resolved as the ONNX spec says.
import type { Operation } from "@zkmlir/core";
import { intsAttr, stringAttr } from "./attrs.js";
import { loweringError } from "../errors.js";

export interface Window {
  kernel: number[];
  strides: number[];
  dilations: number[];
  padLo: number[];
  padHi: number[];
}

/** For a sliding window over `inSpatial` producing `outSpatial` (Conv and pools). */
export function slidingWindow(op: Operation, inSpatial: readonly number[], outSpatial: readonly number[], kernel: readonly number[]): Window {
  const s = inSpatial.length;
  const strides = intsAttr(op, "strides") ?? new Array<number>(s).fill(1);
  const dilations = intsAttr(op, "dilations") ?? new Array<number>(s).fill(1);
  const autoPad = stringAttr(op, "auto_pad", "NOTSET");
  let padLo: number[], padHi: number[];
  if (autoPad === "NOTSET") {
    const pads = intsAttr(op, "pads") ?? new Array<number>(2 * s).fill(0);
    padLo = pads.slice(0, s); padHi = pads.slice(s, 2 * s);
  } else if (autoPad === "VALID") {
    padLo = new Array<number>(s).fill(0); padHi = padLo.slice();
  } else if (autoPad === "SAME_UPPER" || autoPad === "SAME_LOWER") {
    padLo = []; padHi = [];
    for (let i = 0; i < s; i++) {
      const total = Math.max(0, (outSpatial[i]! - 1) * strides[i]! + (kernel[i]! - 1) * dilations[i]! + 1 - inSpatial[i]!);
      const lo = autoPad === "SAME_UPPER" ? Math.floor(total / 2) : Math.ceil(total / 2);
      padLo.push(lo); padHi.push(total - lo);
    }
  } else throw loweringError(op, `unsupported auto_pad '${autoPad}'`);
  if ([...padLo, ...padHi].some((p) => p < 0)) throw loweringError(op, "negative pads are not supported");
  return { kernel: [...kernel], strides, dilations, padLo, padHi };
}

/** Padded extent each spatial axis needs so every window of the output fits. */
export function paddedExtent(w: Window, inSpatial: readonly number[], outSpatial: readonly number[]): number[] {
  return inSpatial.map((n, i) => Math.max(n + w.padLo[i]! + w.padHi[i]!, (outSpatial[i]! - 1) * w.strides[i]! + (w.kernel[i]! - 1) * w.dilations[i]! + 1));
}
