import { Tensor } from "@zkmlir/core";
import type { Kernel } from "../types.js";
import { mapCompare, mapUnary, type Compare } from "../util/basic-elementwise.js";
import { checkDtype, input } from "../util/basic-tensor.js";

/** Kernel for a broadcasting comparison with a bool output. */
function compareKernel(op: string, impl: Compare, boolOnly = false): Kernel {
  return (inputs) => {
    const a = input(inputs, 0, op, "A"), b = input(inputs, 1, op, "B");
    if (boolOnly) checkDtype(a, ["i1"], op, "A");
    return [mapCompare(a, b, impl, op)];
  };
}

/** The same comparison for every dtype family (bool as 0/1 numbers). */
function all(f: (a: number, b: number) => boolean, g: (a: bigint, b: bigint) => boolean, withBool: boolean): Compare {
  return { float: f, int: f, i64: g, ...(withBool ? { bool: f } : {}) };
}

function not(inputs: readonly (Tensor | undefined)[]): Tensor[] {
  const x = input(inputs, 0, "Not", "X");
  checkDtype(x, ["i1"], "Not", "X");
  return [mapUnary(x, { bool: (v) => (v ? 0 : 1) }, "Not")];
}

export const LOGIC_KERNELS: Record<string, Kernel> = {
  Equal: compareKernel("Equal", all((a, b) => a === b, (a, b) => a === b, true)),
  Greater: compareKernel("Greater", all((a, b) => a > b, (a, b) => a > b, false)),
  GreaterOrEqual: compareKernel("GreaterOrEqual", all((a, b) => a >= b, (a, b) => a >= b, false)),
  Less: compareKernel("Less", all((a, b) => a < b, (a, b) => a < b, false)),
  LessOrEqual: compareKernel("LessOrEqual", all((a, b) => a <= b, (a, b) => a <= b, false)),
  And: compareKernel("And", { bool: (a, b) => a !== 0 && b !== 0 }, true),
  Or: compareKernel("Or", { bool: (a, b) => a !== 0 || b !== 0 }, true),
  Xor: compareKernel("Xor", { bool: (a, b) => (a !== 0) !== (b !== 0) }, true),
  Not: not,
};
