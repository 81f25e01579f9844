// The IR verifier, in MLIR's order (lib/IR/Verifier.cpp): per op, structure first (operand/
// result/region/successor counts from the declaration, attribute constraints, traits, the op's
// own verifier), then regions recursively; SSA dominance is checked separately afterwards.
import type { Operation } from "../ir/operation.js";
import type { Context } from "../ir/context.js";
import { VerifyError } from "../ir/diagnostics.js";
import { DenseArrayAttr, StringAttr, SymbolRefAttr } from "../ir/attribute.js";
import type { AttrSpec, OpDef } from "../ir/opdef.js";

import { verifyDominance } from "./dominance.js";

export interface VerifyOptions {
  /** Accept ops whose dialect is not loaded (they are checked structurally only). */
  allowUnregistered?: boolean;
  /** Check SSA dominance (on by default). */
  dominance?: boolean;
}

function fail(op: Operation, msg: string): never {
  throw new VerifyError(`'${op.name}' op ${msg}`, op.loc);
}

function verifyGroups(op: Operation, def: OpDef, kind: "operands" | "results"): void {
  const specs = kind === "operands" ? def.operands : def.results;
  const actual = kind === "operands" ? op.operands.length : op.results.length;
  const segmented = kind === "operands" ? def.operandSegments : def.resultSegments;
  const noun = kind === "operands" ? "operand" : "result";
  let sizes: readonly number[] | undefined;
  if (segmented) {
    const segName = kind === "operands" ? "operandSegmentSizes" : "resultSegmentSizes";
    const seg = op.getAttr(segName);
    if (!(seg instanceof DenseArrayAttr) || seg.values.length !== specs.length) {
      fail(op, `requires attribute '${segName}' with ${specs.length} elements`);
    }
    sizes = seg.values;
    let sum = 0;
    for (const n of sizes) sum += n;
    if (sum !== actual) fail(op, `${segName} sums to ${sum} but the op has ${actual} ${noun}s`);
    for (let i = 0; i < sizes.length; i++) {
      const n = sizes[i]!;
      const ar = specs[i]!.arity ?? "single";
      if ((ar === "single" && n !== 1) || (ar === "optional" && n > 1) || n < 0) fail(op, `${noun} group '${specs[i]!.name}' has ${n} values`);
    }
  } else {
    const { fixed, hasVar, optOnly } = def.arity[kind];
    if (!hasVar && actual !== fixed) fail(op, `requires ${fixed} ${noun}${fixed === 1 ? "" : "s"}, but found ${actual}`);
    if (hasVar && actual < fixed) fail(op, `requires at least ${fixed} ${noun}${fixed === 1 ? "" : "s"}, but found ${actual}`);
    if (optOnly && actual > fixed + 1) fail(op, `requires at most ${fixed + 1} ${noun}s, but found ${actual}`);
  }
  if (!def.arity[kind].typed) return;
  // Group i covers [start, start + n): OpDef.groupRanges, walked without building the list.
  let start = 0;
  for (let i = 0; i < specs.length; i++) {
    const s = specs[i]!;
    const n = def.groupSize(kind, i, actual, sizes);
    if (s.type) {
      for (let k = start; k < start + n; k++) {
        const t = kind === "operands" ? op.operands[k]!.value.type : op.results[k]!.type;
        if (!s.type.check(t)) fail(op, `${noun} #${k} ('${s.name}') must be ${s.type.description}, but got '${t.key}'`);
      }
    }
    start += n;
  }
}

/**
 * What the verifier reads from a declaration, gathered once per OpDef: the attribute specs as a
 * list (no Map iterator per op) and whether regions are variadic.
 */
interface DefPlan {
  attributes: readonly (readonly [string, AttrSpec])[];
  variadicRegions: boolean;
}
const plans = new WeakMap<OpDef, DefPlan>();
function planOf(def: OpDef): DefPlan {
  let p = plans.get(def);
  if (!p) plans.set(def, (p = { attributes: [...def.attributes], variadicRegions: def.regions.some((r) => r.arity === "variadic") }));
  return p;
}

/** Verifies one op's own structure (not nested ops). */
export function verifyOpStructure(op: Operation, opts: VerifyOptions, ctx?: Context): void {
  const def = op.def;
  if (!def || (ctx && !ctx.isLoaded(def.dialect))) {
    if (!opts.allowUnregistered && !(ctx?.allowUnregistered)) {
      fail(op, `is unregistered: load its dialect '${op.dialect}' or allow unregistered dialects`);
    }
    return;
  }
  const plan = planOf(def);
  verifyGroups(op, def, "operands");
  verifyGroups(op, def, "results");
  // Index loops and element reads: `for...of` and `[a, b] =` allocate iterators per op.
  for (let i = 0; i < plan.attributes.length; i++) {
    const entry = plan.attributes[i]!;
    const name = entry[0], spec = entry[1];
    const a = op.getAttr(name);
    if (a === undefined) {
      if (!spec.optional && spec.default === undefined) fail(op, `requires attribute '${name}'`);
      continue;
    }
    if (spec.constraint && !spec.constraint.check(a)) fail(op, `attribute '${name}' failed to satisfy constraint: ${spec.constraint.description}`);
  }
  if (!plan.variadicRegions && op.regions.length !== def.regions.length) fail(op, `requires ${def.regions.length} region${def.regions.length === 1 ? "" : "s"}, but found ${op.regions.length}`);
  if (def.successors !== "variadic" && op.successors.length !== def.successors) fail(op, `requires ${def.successors} successors, but found ${op.successors.length}`);
  for (let i = 0; i < def.traitList.length; i++) {
    const err = def.traitList[i]!.verify?.(op);
    if (err) fail(op, err);
  }
  if (op.successors.length && !def.traits.has("Terminator")) fail(op, "has successors but is not a terminator");
  for (let i = 0; i < op.successors.length; i++) {
    if (op.successors[i]!.parent !== op.parent?.parent) fail(op, "successor block must be in the same region");
  }
  const err = def.verifyFn?.(op);
  if (err) fail(op, err);
}

function verifyRegions(op: Operation, opts: VerifyOptions, ctx?: Context): void {
  if (!op.regions.length) return;
  const noTerminator = op.hasTrait("NoTerminator");
  const singleBlock = op.hasTrait("SingleBlock");
  for (let r = 0; r < op.regions.length; r++) {
    const blocks = op.regions[r]!.blocks;
    for (let bi = 0; bi < blocks.length; bi++) {
      const block = blocks[bi]!;
      if (bi > 0 && singleBlock) fail(op, "expects regions with at most one block");
      if (!noTerminator && op.isRegistered) {
        const term = block.last;
        if (!term) fail(op, `empty block: expect at least a terminator`);
        if (term.isRegistered && !term.hasTrait("Terminator")) {
          throw new VerifyError(`block with no terminator, has '${term.name}'`, term.loc);
        }
      }
      for (let o = block.first; o; o = o.next) {
        if (o !== block.last && o.isRegistered && o.hasTrait("Terminator")) {
          throw new VerifyError(`'${o.name}' op must be the last operation in the parent block`, o.loc);
        }
        verifyOp(o, opts, ctx, false);
      }
    }
  }
}

/** Unique symbol names inside each SymbolTable op. */
function verifySymbolTable(op: Operation): void {
  if (!op.hasTrait("SymbolTable")) return;
  const seen = new Map<string, Operation>();
  for (const region of op.regions) for (const b of region.blocks) for (let o = b.first; o; o = o.next) {
    const n = o.getAttr("sym_name");
    if (!(n instanceof StringAttr)) continue;
    const prev = seen.get(n.value);
    if (prev) throw new VerifyError(`redefinition of symbol named '${n.value}'`, o.loc, [`see existing symbol definition at ${prev.loc.diagnosticPrefix() ?? "unknown"}`]);
    seen.set(n.value, o);
  }
}

function verifyOp(op: Operation, opts: VerifyOptions, ctx: Context | undefined, top: boolean): void {
  verifyOpStructure(op, opts, ctx);
  verifySymbolTable(op);
  verifyRegions(op, opts, ctx);
  if (top && opts.dominance !== false) verifyDominance(op);
}

/** Verifies `op` and everything nested in it; throws VerifyError with the op's location. */
export function verify(op: Operation, opts: VerifyOptions = {}, ctx?: Context): void {
  verifyOp(op, opts, ctx, true);
}

/** Resolves a symbol reference from `from` by walking up to the nearest symbol tables. */
export function lookupSymbol(from: Operation, ref: SymbolRefAttr | string): Operation | undefined {
  const name = typeof ref === "string" ? ref : ref.root;
  for (let scope: Operation | null = from; scope; scope = scope.parentOp) {
    if (!scope.hasTrait("SymbolTable")) continue;
    for (const r of scope.regions) for (const b of r.blocks) for (let o = b.first; o; o = o.next) {
      const n = o.getAttr("sym_name");
      if (n instanceof StringAttr && n.value === name) {
        if (typeof ref === "string" || ref.nested.length === 0) return o;
        return lookupSymbol(o, new SymbolRefAttr(ref.nested[0]!, ref.nested.slice(1)));
      }
    }
  }
  return undefined;
}
