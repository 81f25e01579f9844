// MLIR's textual pass pipelines: `builtin.module(func.func(canonicalize{max-iterations=5},cse),symbol-dce)`
// (anchored form) and `canonicalize,cse` (short form, run on the root anchor). A name followed by
// `(` is an op anchor; any other name must be a registered pass or named pipeline.
import { OpPassManager, ANY_OP } from "./op-pass-manager.js";
import { PassRegistry, passRegistry, unknownOptionMessage } from "./registry.js";
import { PipelineParseError } from "./pass-errors.js";
import { convertOptionValue, splitOptionString } from "./pass-options.js";
import type { PassOptionValues } from "./pass.js";

export interface PipelineParseOptions {
  registry?: PassRegistry;
  /** Anchor of the returned manager for the short form (default `any`). */
  defaultAnchor?: string;
}

const NAME = /[A-Za-z0-9_.$-]/;

/** Parses a pipeline into an OpPassManager whose anchor is the outermost op name (or the default). */
export function parsePassPipeline(text: string, opts: PipelineParseOptions = {}): OpPassManager {
  return new PipelineParser(text, opts.registry ?? passRegistry).parse(opts.defaultAnchor ?? ANY_OP);
}

class PipelineParser {
  private pos = 0;
  constructor(private readonly text: string, private readonly registry: PassRegistry) {}

  private fail(msg: string, pos = this.pos): never {
    throw new PipelineParseError(msg, pos, this.text);
  }
  private skipWs(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }
  private peek(): string | undefined {
    this.skipWs();
    return this.text[this.pos];
  }
  private name(): { name: string; pos: number } {
    this.skipWs();
    const start = this.pos;
    while (this.pos < this.text.length && NAME.test(this.text[this.pos]!)) this.pos++;
    if (start === this.pos) {
      const c = this.text[this.pos];
      this.fail(c === undefined ? "expected a pass or op name at end of pipeline" : `expected a pass or op name, found '${c}'`);
    }
    return { name: this.text.slice(start, this.pos), pos: start };
  }

  parse(defaultAnchor: string): OpPassManager {
    if (!this.text.trim()) return new OpPassManager(defaultAnchor);
    // Anchored form: a single `opname(...)` spanning the whole text whose name is not a pass.
    const save = this.pos;
    const first = this.name();
    if (this.peek() === "(" && !this.registry.has(first.name)) {
      this.pos++;
      const pm = new OpPassManager(first.name);
      this.elements(pm, ")");
      if (this.peek() === undefined) return pm;
      if (this.peek() !== ",") this.fail(`unexpected '${this.peek()}' after pipeline`);
    }
    this.pos = save;
    const pm = new OpPassManager(defaultAnchor);
    this.elements(pm, undefined);
    return pm;
  }

  /** Comma-separated elements until `close` (consumed) or end of text. */
  private elements(pm: OpPassManager, close: ")" | undefined): void {
    const open = this.pos - 1;
    if (close && this.peek() === close) {
      this.pos++;
      return;
    }
    for (;;) {
      this.element(pm);
      const c = this.peek();
      if (c === ",") {
        this.pos++;
        continue;
      }
      if (c === close) {
        if (close) this.pos++;
        return;
      }
      if (c === undefined) this.fail(`expected ')' to close the '(' at column ${open + 1}`);
      this.fail(close ? `expected ',' or ')', found '${c}'` : `expected ',', found '${c}'`);
    }
  }

  private element(pm: OpPassManager): void {
    const { name, pos } = this.name();
    const next = this.peek();
    if (next === "(") {
      if (this.registry.has(name)) this.fail(`'${name}' is a pass, not an operation name: it cannot hold a nested pipeline`, pos);
      this.pos++;
      this.elements(pm.nest(name), ")");
      return;
    }
    const options = next === "{" ? this.optionBlock() : undefined;
    const pipeline = this.registry.lookupPipeline(name);
    if (pipeline) {
      if (options) this.fail(`pipeline '${name}' takes no options`, options.pos);
      pipeline.build(pm);
      return;
    }
    const info = this.registry.lookupPass(name);
    if (!info) this.fail(`'${name}' does not refer to a registered pass or pass pipeline`, pos);
    const values: PassOptionValues = {};
    for (const raw of options?.raw ?? []) {
      const spec = info.optionSpecs[raw.key];
      if (!spec) this.fail(unknownOptionMessage(info, raw.key), raw.pos);
      const v = convertOptionValue(spec, raw.value);
      if (typeof v === "string" && spec.type !== "string") this.fail(`option '${raw.key}' of pass '${name}' ${v}`, raw.pos);
      values[raw.key] = v;
    }
    const pass = this.registry.create(name);
    pass.options = { ...pass.options, ...values };
    pm.addPass(pass);
  }

  /** `{k=v k2=v2}` with nested braces allowed in values. */
  private optionBlock(): { raw: { key: string; value: string; pos: number }[]; pos: number } {
    const open = this.pos;
    let depth = 0;
    let quoted = false;
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos]!;
      if (c === '"') quoted = !quoted;
      else if (quoted) continue;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) break;
    }
    if (depth !== 0) this.fail("expected '}' to close the pass options", open);
    const body = this.text.slice(open + 1, this.pos);
    this.pos++;
    const raw = splitOptionString(body, open + 1);
    if ("error" in raw) this.fail(raw.error, raw.pos);
    return { raw, pos: open };
  }
}
