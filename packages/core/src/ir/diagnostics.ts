import type { Location } from "./location.js";

/** A user-facing compiler error with an MLIR-style location (`file:line:col: error: msg`). */
export class ZkmlirError extends Error {
  override name = "ZkmlirError";
  constructor(message: string, readonly loc?: Location, readonly notes: readonly string[] = []) {
    super(message);
  }

  /** `loc: error: message` as MLIR prints diagnostics. */
  format(): string {
    const where = this.loc?.diagnosticPrefix();
    const head = where ? `${where}: error: ${this.message}` : `error: ${this.message}`;
    return [head, ...this.notes.map((n) => `note: ${n}`)].join("\n");
  }
}

/** A verification failure: names the op and the rule it broke. */
export class VerifyError extends ZkmlirError {
  override name = "VerifyError";
}

/** A malformed-text error from the parser. */
export class ParseError extends ZkmlirError {
  override name = "ParseError";
}
