// The Context zkmlir-opt parses with: every dialect the CLI depends on.
import { BuiltinDialect, Context, setVerifierHook, verify, type Dialect } from "@zkmlir/core";
import { FuncDialect } from "@zkmlir/func";
import { ArithDialect } from "@zkmlir/arith";

export const OPT_DIALECTS: readonly Dialect[] = [BuiltinDialect, FuncDialect, ArithDialect];

export function createOptContext(allowUnregistered: boolean): Context {
  return new Context({ dialects: OPT_DIALECTS, allowUnregistered });
}

/** Installs core's verifier as the pass manager's verify-after-pass hook. */
export function installVerifier(): void {
  setVerifierHook((op, ctx) => verify(op, { allowUnregistered: ctx?.allowUnregistered ?? false }, ctx));
}
