// The loop indices of a running structured op, shared with the linalg.index ops of its body
// (registered when the op is compiled, before its body is).
import type { Operation } from "@zkmlir/core";

const states = new WeakMap<Operation, number[]>();

export function registerLoopIndices(op: Operation, idx: number[]): void {
  states.set(op, idx);
}

export function loopIndicesOf(op: Operation): number[] | undefined {
  return states.get(op);
}
