// Hooks around pipelines and passes (MLIR's PassInstrumentation): IR printing, timing and
// anything a tool wants to observe. Instrumentations run in registration order before, and in
// reverse order after, so nested measurements stay properly bracketed.
import type { Operation } from "../ir/operation.js";
import type { Pass } from "./pass.js";
import type { OpPassManager } from "./op-pass-manager.js";

export interface PassInstrumentation {
  runBeforePipeline?(pm: OpPassManager, op: Operation): void;
  runAfterPipeline?(pm: OpPassManager, op: Operation): void;
  runBeforePass?(pass: Pass, op: Operation): void;
  runAfterPass?(pass: Pass, op: Operation): void;
  /** Called instead of runAfterPass when the pass (or the verifier after it) failed. */
  runAfterPassFailed?(pass: Pass, op: Operation, error: unknown): void;
}

/** MLIR's display name of a pass: an explicit `displayName`, else the class name. */
export function passDisplayName(pass: Pass): string {
  return pass.displayName ?? pass.constructor.name;
}
