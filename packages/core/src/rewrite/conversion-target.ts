// Which ops a dialect conversion must produce (MLIR's ConversionTarget). An op-specific rule
// overrides its dialect's rule; ops covered by neither are "unknown": left alone by a partial
// conversion and a failure in a full one, unless markUnknownOpDynamicallyLegal decides them.
import type { Operation } from "../ir/operation.js";

export type LegalityFn = (op: Operation) => boolean;
type Rule = { kind: "legal" } | { kind: "illegal" } | { kind: "dynamic"; fn: LegalityFn };

export class ConversionTarget {
  private readonly ops = new Map<string, Rule>();
  private readonly dialects = new Map<string, Rule>();
  private unknown: LegalityFn | undefined;

  addLegalOp(...names: string[]): this { for (const n of names) this.ops.set(n, { kind: "legal" }); return this; }
  addIllegalOp(...names: string[]): this { for (const n of names) this.ops.set(n, { kind: "illegal" }); return this; }
  addDynamicallyLegalOp(names: string | readonly string[], fn: LegalityFn): this {
    for (const n of typeof names === "string" ? [names] : names) this.ops.set(n, { kind: "dynamic", fn });
    return this;
  }
  addLegalDialect(...names: string[]): this { for (const n of names) this.dialects.set(n, { kind: "legal" }); return this; }
  addIllegalDialect(...names: string[]): this { for (const n of names) this.dialects.set(n, { kind: "illegal" }); return this; }
  addDynamicallyLegalDialect(names: string | readonly string[], fn: LegalityFn): this {
    for (const n of typeof names === "string" ? [names] : names) this.dialects.set(n, { kind: "dynamic", fn });
    return this;
  }
  markUnknownOpDynamicallyLegal(fn: LegalityFn): this { this.unknown = fn; return this; }

  /** true = legal, false = must be converted, undefined = unknown to the target. */
  isLegal(op: Operation): boolean | undefined {
    const rule = this.ops.get(op.name) ?? this.dialects.get(op.dialect);
    if (!rule) return this.unknown ? this.unknown(op) : undefined;
    return rule.kind === "legal" ? true : rule.kind === "illegal" ? false : rule.fn(op);
  }

  /** True when the target explicitly marks the op (or its dialect) illegal. */
  isIllegal(op: Operation): boolean {
    return this.isLegal(op) === false;
  }
}
