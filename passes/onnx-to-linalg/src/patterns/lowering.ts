// The shape of one op's lowering: a function from the ONNX op (its converted operands by ONNX
// position) to replacement values. Each becomes a ConversionPattern rooted at `onnx.<type>`.
import { conversionPattern, type Builder, type ConversionPattern, type Operation, type Value } from "@zkmlir/core";
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
}

/** Returns one value per op result (undefined for results that have no uses and were not built). */
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
    const ctx: LowerCtx = {
      b: rewriter,
      op,
      input,
      req: (i) => {
        const v = input(i);
        if (!v) throw new Error(`'${op.name}' requires input #${i}`);
        return v;
      },
      unsigned: (i) => state.isUnsigned(original(i)),
      numInputs: pos.length,
    };
    let results: (Value | undefined)[];
    try {
      results = lower(ctx);
    } catch (e) {
      // Recorded, not thrown: the driver then lists every op that failed, not just the first.
      state.reasons.set(op, e instanceof Error ? e.message : String(e));
      return false;
    }
    const repl = op.results.map((r, i) => {
      const v = results[i];
      if (v) return v;
      if (r.hasUses) throw new Error(`lowering of '${op.name}' produced no value for used result #${i}`);
      return undefined;
    });
    // Unused, unbuilt results: the op is erased, so any placeholder will do.
    rewriter.replaceOp(op, repl.map((v) => v ?? results.find((x) => x)!));
    return true;
  }, { name: `lower-${opType}` });
}
