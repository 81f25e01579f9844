// The pass registry: pass factories by pipeline argument (`canonicalize`), with their description
// and option specs, plus named pipelines. Tools build pipelines and `--<pass>` flags from it; user
// code registers its own passes into the default registry or a private one.
import type { Pass, PassOptionSpec, PassOptionValues } from "./pass.js";
import type { OpPassManager } from "./op-pass-manager.js";
import { PassRegistryError } from "./pass-errors.js";
import { convertOptionValue } from "./pass-options.js";

export type PassFactory = () => Pass;

export interface PassInfo {
  readonly argument: string;
  readonly description: string;
  readonly optionSpecs: Readonly<Record<string, PassOptionSpec>>;
  readonly factory: PassFactory;
}

/** A named pipeline (`--my-pipeline`), expanded into the manager it is nested in. */
export interface PipelineInfo {
  readonly argument: string;
  readonly description: string;
  readonly build: (pm: OpPassManager) => void;
}

export class PassRegistry {
  private readonly passes = new Map<string, PassInfo>();
  private readonly pipelines = new Map<string, PipelineInfo>();

  /** Registers a pass; its argument, description and options are read from one instance. */
  register(factory: PassFactory): PassInfo {
    const sample = factory();
    const info: PassInfo = { argument: sample.argument, description: sample.description, optionSpecs: sample.optionSpecs, factory };
    this.checkFree(info.argument);
    this.passes.set(info.argument, info);
    return info;
  }

  registerPipeline(argument: string, description: string, build: (pm: OpPassManager) => void): PipelineInfo {
    this.checkFree(argument);
    const info: PipelineInfo = { argument, description, build };
    this.pipelines.set(argument, info);
    return info;
  }

  private checkFree(argument: string): void {
    if (!/^[A-Za-z][A-Za-z0-9_.-]*$/.test(argument)) throw new PassRegistryError(`invalid pass argument '${argument}'`);
    if (this.passes.has(argument) || this.pipelines.has(argument)) {
      throw new PassRegistryError(`pass or pipeline '${argument}' is already registered`);
    }
  }

  has(argument: string): boolean {
    return this.passes.has(argument) || this.pipelines.has(argument);
  }
  lookupPass(argument: string): PassInfo | undefined {
    return this.passes.get(argument);
  }
  lookupPipeline(argument: string): PipelineInfo | undefined {
    return this.pipelines.get(argument);
  }
  /** Registered passes sorted by argument (for `--help`). */
  get passInfos(): PassInfo[] {
    return [...this.passes.values()].sort((a, b) => a.argument.localeCompare(b.argument));
  }
  get pipelineInfos(): PipelineInfo[] {
    return [...this.pipelines.values()].sort((a, b) => a.argument.localeCompare(b.argument));
  }

  /**
   * A fresh pass with typed option values (defaults filled in). Values given as text are
   * converted per the declared spec; unknown names and bad values throw PassRegistryError.
   */
  create(argument: string, options: Record<string, string | PassOptionValues[string]> = {}): Pass {
    const info = this.passes.get(argument);
    if (!info) throw new PassRegistryError(`'${argument}' does not refer to a registered pass`);
    const pass = info.factory();
    const values: PassOptionValues = {};
    for (const [k, spec] of Object.entries(info.optionSpecs)) if (spec.default !== undefined) values[k] = spec.default;
    for (const [k, raw] of Object.entries(options)) {
      const spec = info.optionSpecs[k];
      if (!spec) throw new PassRegistryError(unknownOptionMessage(info, k));
      if (typeof raw !== "string" || spec.type === "string") {
        values[k] = raw;
        continue;
      }
      const v = convertOptionValue(spec, raw);
      if (typeof v === "string") throw new PassRegistryError(`option '${k}' of pass '${argument}' ${v}`);
      values[k] = v;
    }
    pass.options = values;
    return pass;
  }
}

export function unknownOptionMessage(info: PassInfo, key: string): string {
  const known = Object.keys(info.optionSpecs);
  return `pass '${info.argument}' has no option '${key}'${known.length ? ` (options: ${known.join(", ")})` : " (it takes no options)"}`;
}

/** The process-wide registry used by zkmlir-opt; pass packages register into it. */
export const passRegistry = new PassRegistry();

/** Registers a pass factory into the default registry. */
export function registerPass(factory: PassFactory): PassInfo {
  return passRegistry.register(factory);
}
