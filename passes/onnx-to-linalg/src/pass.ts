// `convert-onnx-to-linalg`: rewrites every onnx.* op into linalg/tensor/arith/math ops with the
// dialect conversion driver, then checks that only func/arith/math/linalg/tensor/scf/builtin
// ops remain. Failures list EVERY op left unlowered with its ONNX node name and the reason.
import { ConversionError, ConversionTarget, Pass, applyPartialConversion, type Operation } from "@zkmlir/core";
import { LOWERINGS } from "./patterns/all.js";
import { loweringPattern, type LoweringState } from "./patterns/lowering.js";
import { OnnxLoweringError, siteOf } from "./errors.js";
import { UnsignedValues, signlessArguments, signlessResults } from "./util/signless.js";
import { foldConstantOnnxOps } from "./fold-constants.js";
import { eraseDeadOps } from "./util/dce.js";

export const LEGAL_DIALECTS = ["func", "arith", "math", "linalg", "tensor", "scf", "builtin"] as const;

/** The ONNX op types this lowering has a pattern for. */
export const SUPPORTED_ONNX_OPS: readonly string[] = Object.keys(LOWERINGS).sort();

/** Lowers the onnx ops nested in `root` in place; throws OnnxLoweringError listing each failure. */
export function convertOnnxToLinalg(root: Operation): void {
  foldConstantOnnxOps(root);
  const unsigned = new UnsignedValues(root);
  const state: LoweringState = { isUnsigned: (v) => unsigned.has(v), reasons: new Map() };
  const patterns = Object.entries(LOWERINGS).map(([t, l]) => loweringPattern(t, l, state));
  const target = new ConversionTarget().addLegalDialect(...LEGAL_DIALECTS).addIllegalDialect("onnx");
  signlessArguments(root);
  try {
    applyPartialConversion(root, target, patterns);
  } catch (e) {
    if (!(e instanceof ConversionError)) throw e;
    throw new OnnxLoweringError(`convert-onnx-to-linalg: ${e.notes.length} op(s) could not be lowered:\n  ${withReasons(e.notes, state.reasons).join("\n  ")}`, root.loc, e.notes);
  }
  signlessResults(root);
  eraseDeadOps(root);
  checkLegality(root);
}

/** The driver's failure lines, each followed by the reason its pattern gave (if any). */
function withReasons(notes: readonly string[], reasons: ReadonlyMap<Operation, string>): string[] {
  const byKey = new Map<string, string>();
  for (const [op, why] of reasons) {
    const prefix = `${siteOf(op.loc)}: cannot lower '${op.name}': `;
    byKey.set(`${siteOf(op.loc)}: failed to legalize operation '${op.name}'`, why.startsWith(prefix) ? why.slice(prefix.length) : why);
  }
  return notes.map((n) => {
    for (const [k, why] of byKey) if (n.startsWith(k)) return `${n}: ${why}`;
    return n;
  });
}

/** Throws listing every op outside the legal dialects (with its location). */
export function checkLegality(root: Operation): void {
  const bad: string[] = [];
  root.walk((op) => {
    if (op === root) return;
    const legal = (LEGAL_DIALECTS as readonly string[]).includes(op.dialect) && op.name !== "builtin.unrealized_conversion_cast";
    if (!legal) bad.push(`${siteOf(op.loc)}: '${op.name}'`);
  });
  if (bad.length) throw new OnnxLoweringError(`convert-onnx-to-linalg: ${bad.length} op(s) outside ${LEGAL_DIALECTS.join("/")} remain:\n  ${bad.join("\n  ")}`, root.loc, bad);
}

export class ConvertOnnxToLinalgPass extends Pass {
  readonly argument = "convert-onnx-to-linalg";
  readonly description = "Lower statically shaped onnx.* ops to linalg.generic/fill, tensor.empty and arith/math scalar bodies";
  run(op: Operation): void {
    convertOnnxToLinalg(op);
  }
}
