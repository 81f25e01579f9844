// The pass manager verifies IR after each pass through this hook, so the pass layer does not
// depend on a particular verifier; tools install the core verifier (`setVerifierHook(verify)`).
import type { Operation } from "../ir/operation.js";
import type { Context } from "../ir/context.js";

/** Throws (a ZkmlirError, normally VerifyError) when `op` is invalid. */
export type VerifierFn = (op: Operation, ctx: Context | undefined) => void;

let hook: VerifierFn | undefined;

export function setVerifierHook(fn: VerifierFn | undefined): void {
  hook = fn;
}

export function getVerifierHook(): VerifierFn | undefined {
  return hook;
}
