// The interpreter framework: runs a func-like op on concrete values. Each op is compiled ONCE
// into a closure over a frame of value slots (so region bodies such as linalg.generic's run per
// element without re-dispatching on op names). Semantics come from implementation tables that
// dialects register per value domain (float tensors now; exact integers and field elements later).
import type { Operation } from "../ir/operation.js";
import type { Block } from "../ir/block.js";
import type { Region } from "../ir/region.js";
import type { Value } from "../ir/value.js";
import { ZkmlirError } from "../ir/diagnostics.js";
import { StringAttr } from "../ir/attribute.js";

/** A compiled op: maps operand values to result values. */
export type OpFn = (args: unknown[]) => unknown[];

/** What a terminator does: return/yield values to the parent, or branch within the region. */
export type Control = { kind: "yield"; values: unknown[] } | { kind: "branch"; block: Block; args: unknown[] };

/** A compiled region: runs the region with entry-block arguments and returns yielded values. */
export type RegionFn = (args: unknown[]) => unknown[];

export interface CompileContext {
  /** Compiles a region of the op being compiled (e.g. a loop body or a linalg payload). */
  compileRegion(region: Region): RegionFn;
  /** The interpreter (to call functions, read the symbol table, ...). */
  readonly interpreter: Interpreter;
}

/**
 * An implementation of one op: given the op (attributes read once), returns the function that runs
 * it. Single-result scalar ops may return `scalar` for a faster call path. Terminators return
 * `control`.
 */
export type OpImpl = (op: Operation, c: CompileContext) =>
  | { run: OpFn }
  | { scalar: (...args: unknown[]) => unknown }
  | { control: (args: unknown[]) => Control };

/** A value domain's table of op implementations. Later tables override earlier ones. */
export class ImplTable {
  readonly impls = new Map<string, OpImpl>();
  constructor(readonly domain: string, entries: Record<string, OpImpl> = {}) {
    for (const [k, v] of Object.entries(entries)) this.impls.set(k, v);
  }
  register(name: string, impl: OpImpl): this {
    this.impls.set(name, impl);
    return this;
  }
  merge(...others: ImplTable[]): ImplTable {
    const t = new ImplTable(this.domain);
    for (const s of [this, ...others]) for (const [k, v] of s.impls) t.impls.set(k, v);
    return t;
  }
}

/** Observer called with every executed op's results (calibration records value ranges here). */
export type InterpListener = (op: Operation, results: readonly unknown[]) => void;

export class InterpreterError extends ZkmlirError {
  override name = "InterpreterError";
}

type Step = (frame: unknown[]) => Control | undefined;

/** A function body compiled against a frame layout. */
class FrameLayout {
  readonly slots = new Map<Value, number>();
  slot(v: Value): number {
    let s = this.slots.get(v);
    if (s === undefined) this.slots.set(v, (s = this.slots.size));
    return s;
  }
}

export class Interpreter {
  private readonly compiledFuncs = new Map<Operation, { layout: FrameLayout; body: (frame: unknown[], args: unknown[]) => unknown[] }>();
  readonly listeners: InterpListener[] = [];

  constructor(readonly module: Operation, readonly impls: ImplTable) {}

  addListener(l: InterpListener): () => void {
    this.listeners.push(l);
    this.compiledFuncs.clear(); // recompile with observation hooks
    return () => {
      this.listeners.splice(this.listeners.indexOf(l), 1);
      this.compiledFuncs.clear();
    };
  }

  /** The func-like symbol `name` in the module. */
  lookupFunction(name: string): Operation {
    for (let o = this.module.region(0).entry?.first ?? null; o; o = o.next) {
      const n = o.getAttr("sym_name");
      if (n instanceof StringAttr && n.value === name) return o;
    }
    throw new InterpreterError(`no function named '@${name}' in the module`);
  }

  /** Runs function `name` (default: the first function) on `args`. */
  run(name: string | undefined, args: unknown[]): unknown[] {
    let fn: Operation | undefined;
    if (name) fn = this.lookupFunction(name);
    else for (let o = this.module.region(0).entry?.first ?? null; o && !fn; o = o.next) if (o.regions.length && o.getAttr("sym_name")) fn = o;
    if (!fn) throw new InterpreterError("the module has no function to run");
    return this.callFunction(fn, args);
  }

  callFunction(fn: Operation, args: unknown[]): unknown[] {
    let c = this.compiledFuncs.get(fn);
    if (!c) {
      const layout = new FrameLayout();
      const body = this.compileRegionWith(fn.region(0), layout);
      c = { layout, body };
      this.compiledFuncs.set(fn, c);
    }
    const entry = fn.region(0).entry;
    if (!entry) throw new InterpreterError(`function '${fn.name}' has no body`, fn.loc);
    if (args.length !== entry.args.length) throw new InterpreterError(`function expects ${entry.args.length} arguments, got ${args.length}`, fn.loc);
    const frame = new Array<unknown>(c.layout.slots.size);
    return c.body(frame, args);
  }

  /** Compiles a region into (frame, entryArgs) => yielded values. */
  private compileRegionWith(region: Region, layout: FrameLayout): (frame: unknown[], args: unknown[]) => unknown[] {
    const blocks = region.blocks;
    const compiled = new Map<Block, { argSlots: number[]; steps: Step[] }>();
    for (const b of blocks) compiled.set(b, { argSlots: b.args.map((a) => layout.slot(a)), steps: [] });
    for (const b of blocks) {
      const cb = compiled.get(b)!;
      for (let op = b.first; op; op = op.next) cb.steps.push(this.compileOp(op, layout));
    }
    const entry = blocks[0];
    if (!entry) return () => [];
    return (frame, args) => {
      let cur = compiled.get(entry)!;
      let a = args;
      for (;;) {
        const slots = cur.argSlots;
        for (let i = 0; i < slots.length; i++) frame[slots[i]!] = a[i];
        const steps = cur.steps;
        let ctl: Control | undefined;
        for (let i = 0; i < steps.length && !ctl; i++) ctl = steps[i]!(frame);
        if (!ctl) throw new InterpreterError("block ended without a terminator");
        if (ctl.kind === "yield") return ctl.values;
        cur = compiled.get(ctl.block)!;
        a = ctl.args;
      }
    };
  }

  private compileOp(op: Operation, layout: FrameLayout): Step {
    const impl = this.impls.impls.get(op.name);
    if (!impl) {
      throw new InterpreterError(`no ${this.impls.domain} interpreter implementation for '${op.name}'`, op.loc);
    }
    const ctx: CompileContext = {
      interpreter: this,
      compileRegion: (r) => {
        const body = this.compileRegionWith(r, layout);
        // Nested regions share the enclosing frame (they may read outer values).
        return (args) => body(currentFrame!, args);
      },
    };
    let currentFrame: unknown[] | undefined;
    let compiled: ReturnType<OpImpl>;
    try {
      compiled = impl(op, ctx);
    } catch (e) {
      throw this.wrap(e, op);
    }
    const ins = op.operands.map((o) => layout.slot(o.value));
    const outs = op.results.map((r) => layout.slot(r));
    const listeners = this.listeners;
    const observe = listeners.length > 0;
    const wrap = (e: unknown) => this.wrap(e, op);
    if ("control" in compiled) {
      const f = compiled.control;
      return (frame) => {
        const saved = currentFrame;
        currentFrame = frame;
        try {
          return f(ins.map((i) => frame[i]));
        } finally {
          currentFrame = saved;
        }
      };
    }
    if ("scalar" in compiled && !observe) {
      const f = compiled.scalar;
      const o = outs[0]!;
      // Arity-specialized closures: no argument arrays per call.
      switch (ins.length) {
        case 0: return (frame) => { frame[o] = f(); return undefined; };
        case 1: { const a = ins[0]!; return (frame) => { frame[o] = f(frame[a]); return undefined; }; }
        case 2: { const a = ins[0]!, b = ins[1]!; return (frame) => { frame[o] = f(frame[a], frame[b]); return undefined; }; }
        case 3: { const a = ins[0]!, b = ins[1]!, c = ins[2]!; return (frame) => { frame[o] = f(frame[a], frame[b], frame[c]); return undefined; }; }
      }
    }
    const run: OpFn = "scalar" in compiled ? ((f) => (args: unknown[]) => [f(...args)])(compiled.scalar) : compiled.run;
    return (frame) => {
      // Saved and restored so that recursion (a call inside a region) keeps each frame.
      const saved = currentFrame;
      currentFrame = frame;
      const args = new Array<unknown>(ins.length);
      for (let i = 0; i < ins.length; i++) args[i] = frame[ins[i]!];
      let res: unknown[];
      try {
        res = run(args);
      } catch (e) {
        throw wrap(e);
      } finally {
        currentFrame = saved;
      }
      if (res.length !== outs.length) throw new InterpreterError(`'${op.name}' implementation returned ${res.length} values for ${outs.length} results`, op.loc);
      for (let i = 0; i < outs.length; i++) frame[outs[i]!] = res[i];
      if (observe) for (const l of listeners) l(op, res);
      return undefined;
    };
  }

  private wrap(e: unknown, op: Operation): Error {
    if (e instanceof ZkmlirError) return e;
    const msg = e instanceof Error ? e.message : String(e);
    return new InterpreterError(`'${op.name}': ${msg}`, op.loc);
  }
}
