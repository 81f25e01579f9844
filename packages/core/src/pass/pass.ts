// Pass base: a small class with a name, pipeline argument, options and statistics
// (MLIR's Pass / xDSL's ModulePass). A pass runs on one op (its anchor) and throws
// PassFailure (or a ZkmlirError) to signal failure.
import type { Operation } from "../ir/operation.js";
import type { Context } from "../ir/context.js";
import { ZkmlirError } from "../ir/diagnostics.js";
import type { AnalysisManager } from "./analysis-manager.js";

export type PassOptionType = "int" | "bool" | "string" | "string-list" | "int-list";
export interface PassOptionSpec {
  type: PassOptionType;
  description: string;
  default?: number | boolean | string | readonly string[] | readonly number[];
}
export type PassOptionValues = Record<string, number | boolean | string | readonly string[] | readonly number[] | undefined>;

export class PassFailure extends ZkmlirError {
  override name = "PassFailure";
}

export abstract class Pass {
  /** Name used in pipelines and as the zkmlir-opt flag (`canonicalize`, `convert-onnx-to-linalg`). */
  abstract readonly argument: string;
  abstract readonly description: string;
  /** Name shown in IR dumps and reports (`Canonicalizer`); defaults to the class name. */
  readonly displayName?: string;
  /** Op name the pass anchors on (e.g. `func.func`); undefined = any op (usually the module). */
  readonly anchor: string | undefined = undefined;
  /** Declared options with types and defaults. */
  readonly optionSpecs: Readonly<Record<string, PassOptionSpec>> = {};
  /** Option values (defaults filled in by the registry / pipeline parser). */
  options: PassOptionValues = {};
  readonly statistics = new Map<string, number>();
  /** The context of the pass manager running this pass (MLIR's getContext()); set before `run`. */
  context: Context | undefined = undefined;

  /** Bumps a statistic (printed by `--mlir-pass-statistics`). */
  stat(name: string, by = 1): void {
    this.statistics.set(name, (this.statistics.get(name) ?? 0) + by);
  }

  abstract run(op: Operation, am: AnalysisManager): void;

  /** Option value with the declared default. */
  opt<T extends number | boolean | string | readonly string[] | readonly number[]>(name: string): T {
    const v = this.options[name] ?? this.optionSpecs[name]?.default;
    return v as T;
  }

  /** Textual form in a pipeline: `name{opt=v}`. */
  toPipelineString(): string {
    const set = Object.entries(this.options).filter(([, v]) => v !== undefined);
    if (!set.length) return this.argument;
    return `${this.argument}{${set.map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(",") : String(v)}`).join(" ")}}`;
  }
}
