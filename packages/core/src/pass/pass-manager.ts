// Executes a pipeline: runs each pass on its anchor op, nested managers on every matching op
// directly inside the anchor's regions, verifies after each pass (on by default), and reports
// the first failure naming the pass. Instrumentations observe every step.
import type { Operation } from "../ir/operation.js";
import type { Context } from "../ir/context.js";
import { ZkmlirError } from "../ir/diagnostics.js";
import { AnalysisManager } from "./analysis-manager.js";
import type { Pass } from "./pass.js";
import { ANY_OP, OpPassManager } from "./op-pass-manager.js";
import { passDisplayName, type PassInstrumentation } from "./instrumentation.js";
import { getVerifierHook, type VerifierFn } from "./verifier-hook.js";

/** A pass (or the verifier after it) failed; keeps the original diagnostic and names the pass. */
export class PassExecutionError extends ZkmlirError {
  override name = "PassExecutionError";
  constructor(readonly pass: Pass, readonly op: Operation, readonly original: ZkmlirError, note: string) {
    super(original.message, original.loc ?? op.loc, [...original.notes, note]);
  }
}

export interface PassManagerOptions {
  /** Verify the anchor op after every pass (default true). */
  verifyEach?: boolean;
  /** Verifier to use; defaults to the installed hook (see setVerifierHook). */
  verifier?: VerifierFn;
}

export class PassManager extends OpPassManager {
  verifyEach: boolean;
  private readonly verifier: VerifierFn | undefined;
  private readonly instrumentations: PassInstrumentation[] = [];

  constructor(readonly context?: Context, anchor = "builtin.module", opts: PassManagerOptions = {}) {
    super(anchor);
    this.verifyEach = opts.verifyEach ?? true;
    this.verifier = opts.verifier;
  }

  addInstrumentation(i: PassInstrumentation): this {
    this.instrumentations.push(i);
    return this;
  }

  /**
   * Adds a parsed pipeline: one anchored on this manager's op (or on `any`) contributes its
   * items; one anchored on another op (`func.func(cse)`) runs nested on those ops.
   */
  addPipeline(pm: OpPassManager): this {
    if (pm.anchor === this.anchor || pm.anchor === ANY_OP) this.items.push(...pm.items);
    else this.items.push(pm);
    return this;
  }

  /** Runs the pipeline on `op`; throws PassExecutionError (or the pass's internal error). */
  run(op: Operation): void {
    if (this.anchor !== ANY_OP && op.name !== this.anchor) {
      throw new ZkmlirError(`can't run '${this.anchor}' pass manager on '${op.name}' op`, op.loc);
    }
    this.runManager(this, op, new AnalysisManager());
  }

  private each(fn: (i: PassInstrumentation) => void, reverse = false): void {
    const list = reverse ? [...this.instrumentations].reverse() : this.instrumentations;
    for (const i of list) fn(i);
  }

  private runManager(pm: OpPassManager, op: Operation, am: AnalysisManager): void {
    this.each((i) => i.runBeforePipeline?.(pm, op));
    for (const item of pm.items) {
      if (item instanceof OpPassManager) {
        for (const child of directChildren(op, item.anchor)) this.runManager(item, child, am);
      } else {
        this.runPass(item, op, am);
      }
    }
    this.each((i) => i.runAfterPipeline?.(pm, op), true);
  }

  private runPass(pass: Pass, op: Operation, am: AnalysisManager): void {
    const where = `'${op.name}' op${symbolSuffix(op)}`;
    if (pass.anchor !== undefined && pass.anchor !== op.name) {
      throw new ZkmlirError(`pass '${pass.argument}' anchors on '${pass.anchor}' but was scheduled on ${where}; nest it: ${pass.anchor}(${pass.argument})`, op.loc);
    }
    this.each((i) => i.runBeforePass?.(pass, op));
    const label = `pass '${pass.argument}' (${passDisplayName(pass)}) on ${where}`;
    try {
      pass.context = this.context;
      pass.run(op, am);
    } catch (e) {
      this.each((i) => i.runAfterPassFailed?.(pass, op, e), true);
      if (e instanceof ZkmlirError) throw new PassExecutionError(pass, op, e, `failed in ${label}`);
      throw new Error(`${label} crashed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    am.invalidate();
    const verifier = this.verifier ?? getVerifierHook();
    if (this.verifyEach && verifier) {
      try {
        verifier(op, this.context);
      } catch (e) {
        this.each((i) => i.runAfterPassFailed?.(pass, op, e), true);
        if (e instanceof ZkmlirError) throw new PassExecutionError(pass, op, e, `IR is invalid after ${label}`);
        throw e;
      }
    }
    this.each((i) => i.runAfterPass?.(pass, op), true);
  }
}

/** Ops named `name` (or all, for `any`) directly inside the regions of `op`, snapshotted first. */
function directChildren(op: Operation, name: string): Operation[] {
  const out: Operation[] = [];
  for (const r of op.regions) for (const b of r.blocks) for (const c of b.ops()) if (name === ANY_OP || c.name === name) out.push(c);
  return out;
}

function symbolSuffix(op: Operation): string {
  const s = op.getAttr("sym_name");
  return s && "value" in s && typeof s.value === "string" ? ` @${s.value}` : "";
}
