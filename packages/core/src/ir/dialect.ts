// A dialect: a namespace with its op table, types, canonicalization patterns and a constant
// materializer (how folded constants come back as ops, as MLIR's Dialect::materializeConstant).
import type { OpDef } from "./opdef.js";
import type { TypeDef } from "./typedef.js";
import type { Attribute } from "./attribute.js";
import type { Type } from "./type.js";
import type { Location } from "./location.js";
import type { Operation } from "./operation.js";
import type { RewritePattern } from "../rewrite/pattern.js";

export interface Dialect {
  readonly name: string;
  readonly description?: string;
  readonly ops: readonly OpDef[];
  readonly types?: readonly TypeDef[];
  /** Canonicalization patterns of the dialect's ops (collected by `canonicalize`). */
  canonicalizationPatterns?(): RewritePattern[];
  /** Creates a constant op for a folded value, or undefined if the dialect cannot. */
  materializeConstant?(value: Attribute, type: Type, loc: Location): Operation | undefined;
}
