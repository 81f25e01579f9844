// The verifier the pass manager runs after each pass. It defaults to core's verifier; a tool may
// install another (e.g. one that also checks a stage contract).
import type { Operation } from "../ir/operation.js";
import type { Context } from "../ir/context.js";
import { verify } from "../verify/verifier.js";

/** Throws (a ZkmlirError, normally VerifyError) when `op` is invalid. */
export type VerifierFn = (op: Operation, ctx: Context | undefined) => void;

export const defaultVerifier: VerifierFn = (op, ctx) => verify(op, { allowUnregistered: ctx?.allowUnregistered ?? false }, ctx);

let hook: VerifierFn = defaultVerifier;

export function setVerifierHook(fn: VerifierFn | undefined): void {
  hook = fn ?? defaultVerifier;
}

export function getVerifierHook(): VerifierFn {
  return hook;
}
