// Parse a func body of onnx ops, run a pass or function on it, print the result.
import { BuiltinDialect, Context, parseModule, printOp, verify, type Operation } from "@zkmlir/core";
import { FuncDialect } from "@zkmlir/func";
import { OnnxDialect } from "@zkmlir/onnx-dialect";

export const CTX = new Context({ dialects: [BuiltinDialect, FuncDialect, OnnxDialect] });

export function parse(text: string): Operation {
  const m = parseModule(text, { context: CTX });
  verify(m, {}, CTX);
  return m;
}

/** The module's text after `fn` ran on it (verified). */
export function after(text: string, fn: (m: Operation) => void): string {
  const m = parse(text);
  fn(m);
  verify(m, {}, CTX);
  return printOp(m);
}

/** Lines of printed IR without indentation (for toEqual comparisons). */
export const lines = (s: string): string[] => s.split("\n").map((l) => l.trim()).filter((l) => l && l !== "}" && l !== "module {");
