import type { Kernel } from "../types.js";
import { mapUnary } from "../util/basic-elementwise.js";
import { input } from "../util/basic-tensor.js";
import { binaryKernel } from "./arithmetic.js";

// JS bitwise operators work on the int32 image of a number; storing back into the (narrower or
// unsigned) typed array keeps exactly the type's bits. int64 uses BigInt operators.

export const BITWISE_KERNELS: Record<string, Kernel> = {
  BitwiseAnd: binaryKernel("BitwiseAnd", { int: (a, b) => a & b, i64: (a, b) => a & b }),
  BitwiseOr: binaryKernel("BitwiseOr", { int: (a, b) => a | b, i64: (a, b) => a | b }),
  BitwiseXor: binaryKernel("BitwiseXor", { int: (a, b) => a ^ b, i64: (a, b) => a ^ b }),
  BitwiseNot: (inputs) => [mapUnary(input(inputs, 0, "BitwiseNot", "X"), { int: (v) => ~v, i64: (v) => ~v }, "BitwiseNot")],
};
