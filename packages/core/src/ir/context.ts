// The context: which dialects are loaded and whether unregistered ops are accepted.
import type { Dialect } from "./dialect.js";
import type { OpDef } from "./opdef.js";

export class Context {
  private readonly dialects = new Map<string, Dialect>();
  private readonly opDefs = new Map<string, OpDef>();
  allowUnregistered: boolean;

  constructor(opts: { dialects?: readonly Dialect[]; allowUnregistered?: boolean } = {}) {
    this.allowUnregistered = opts.allowUnregistered ?? false;
    for (const d of opts.dialects ?? []) this.load(d);
  }

  load(d: Dialect): this {
    this.dialects.set(d.name, d);
    for (const o of d.ops) this.opDefs.set(o.name, o);
    return this;
  }
  getDialect(name: string): Dialect | undefined { return this.dialects.get(name); }
  get loadedDialects(): Dialect[] { return [...this.dialects.values()]; }
  isLoaded(name: string): boolean { return this.dialects.has(name); }

  /** The declaration of `name` if its dialect is loaded. */
  getOpDef(name: string): OpDef | undefined {
    return this.opDefs.get(name);
  }
}
