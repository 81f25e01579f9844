// Registers the generic transform passes into a pass registry. The Context is captured by the
// canonicalize factory: passes do not receive one when they run.
import type { Context, PassRegistry } from "@zkmlir/core";
import { CanonicalizePass } from "./canonicalize.js";
import { CSEPass } from "./cse.js";
import { SymbolDCEPass } from "./symbol-dce.js";

export function registerTransformPasses(registry: PassRegistry, context?: Context): void {
  registry.register(() => new CanonicalizePass({ context }));
  registry.register(() => new CSEPass());
  registry.register(() => new SymbolDCEPass());
}
