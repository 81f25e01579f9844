// Process-wide table of declared ops by name. Importing a dialect module registers its ops;
// a Context decides which dialects are loaded (and so which ops the parser/verifier accept).
import type { OpDef } from "./opdef.js";
export type { OpDef } from "./opdef.js";

const defs = new Map<string, OpDef>();

export function registerOpDef(def: OpDef): void {
  const prev = defs.get(def.name);
  if (prev && prev !== def) throw new Error(`operation '${def.name}' is defined twice`);
  defs.set(def.name, def);
}

export function lookupOpDef(name: string): OpDef | undefined {
  return defs.get(name);
}
