// The shape of one op's lowering: a function from the ONNX op (its converted operands by ONNX
// position) to replacement values. Each becomes a ConversionPattern rooted at `onnx.<type>`.
import { conversionPattern, type Builder, type ConversionPattern, type Operation, type RankedTensorType, type Value } from "@zkmlir/core";
import { resultType } from "../util/types.js";
import { loweringError } from "../errors.js";
import { onnxPositions } from "@zkmlir/onnx-dialect";

export interface LowerCtx {
  readonly b: Builder;
  readonly op: Operation;
  /** The converted operand at ONNX input position `i` (undefined when omitted). */
  input(i: number): Value | undefined;
  /** As `input`, but required. */
  req(i: number): Value;
  /** Whether the ONNX operand at position `i` has an unsigned integer type. */
  unsigned(i: number): boolean;
  /** Number of ONNX input positions present (variadic inputs count each value). */
  readonly numInputs: number;
  /** The op result at ONNX output position `i` if present and used (else undefined). */
  used(i: number): Value | undefined;
  /** The static signless type of ONNX output `i`. */
  outType(i: number): RankedTensorType;
}

/** Returns one value per ONNX output position (undefined for outputs omitted or unused). */
export type Lowering = (c: LowerCtx) => (Value | undefined)[];

/** Shared by the patterns of one conversion run. */
export interface LoweringState {
  /** Values whose ONNX type was unsigned before signatures became signless. */
  isUnsigned(v: Value | undefined): boolean;
  /** Why an op could not be lowered, by op (reported with the driver's failure list). */
  readonly reasons: Map<Operation, string>;
}

export function loweringPattern(opType: string, lower: Lowering, state: LoweringState): ConversionPattern {
  return conversionPattern(`onnx.${opType}`, (op, adaptor, rewriter) => {
    const pos = onnxPositions(op, "operands");
    const get = (vals: readonly Value[]) => (i: number): Value | undefined => {
      const k = pos[i];
      return k === undefined || k < 0 ? undefined : vals[k];
    };
    const input = get(adaptor.operands);
    const original = get(op.operandValues);
    const outPos = onnxPositions(op, "results");
    const ctx: LowerCtx = {
      b: rewriter,
      op,
      input,
      req: (i) => {
        const v = input(i);
        if (!v) throw loweringError(op, `input #${i} is required`);
        return v;
      },
      unsigned: (i) => state.isUnsigned(original(i)),
      numInputs: pos.length,
      used: (i) => { const r = outPos[i]; return r === undefined || r < 0 || !op.result(r).hasUses ? undefined : op.result(r); },
      outType: (i) => {
        const r = outPos[i];
        if (r === undefined || r < 0) throw loweringError(op, `output #${i} is omitted`);
        return resultType(op, r);
      },
    };
    let repl: (Value | undefined)[];
    try {
      const results = lower(ctx);
      const byResult = op.results.map(() => undefined as Value | undefined);
      outPos.forEach((r, p) => { if (r >= 0) byResult[r] = results[p]; });
      repl = op.results.map((r, i) => {
        if (!byResult[i] && r.hasUses) throw loweringError(op, `the lowering produced no value for used result #${i}`);
        return byResult[i];
      });
    } catch (e) {
      // Recorded, not thrown: the driver then lists every op that failed, not just the first.
      state.reasons.set(op, e instanceof Error ? e.message : String(e));
      return false;
    }
    const any = repl.find((v) => v !== undefined);
    if (!any) {
      rewriter.eraseOp(op); // nothing it computes is used
      return true;
    }
    // Unused, unbuilt results have no users: any placeholder will do.
    rewriter.replaceOp(op, repl.map((v) => v ?? any));
    return true;
  }, { name: `lower-${opType}` });
}
