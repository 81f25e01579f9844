// Pieces shared by the model commands (run, compile): the --input-shape syntax and how errors
// reach the user (one located line, exit 1, never a stack trace).
import { ZkmlirError } from "@zkmlir/core";
import { OnnxError } from "@zkmlir/onnx";
import type { ToolIO } from "@zkmlir/testkit";

/** Parses `name=N[,name=N...]` into `into`; `fail` builds the usage error. */
export function parseDimBindings(text: string, into: Map<string, number>, fail: (msg: string) => Error): void {
  for (const part of text.split(",")) {
    const m = /^([^=]+)=(\d+)$/.exec(part.trim());
    if (!m) throw fail(`--input-shape expects name=N[,name=N...], got '${part}'`);
    into.set(m[1]!, Number(m[2]));
  }
}

/** Prints a compiler or front-end error and returns exit code 1; anything else is rethrown (internal). */
export function reportUserError(e: unknown, io: ToolIO): number {
  if (e instanceof ZkmlirError) {
    io.stderr(`${e.format()}\n`);
    return 1;
  }
  if (e instanceof OnnxError) {
    io.stderr(`error: ${e.message}\n`);
    return 1;
  }
  throw e;
}
