// Declaring named structured ops (matmul, conv, fill, ...): the op definition, its structured
// view, and, for ops with an implicit region, the canonical body shared by the builder, the
// pretty-form parser and the verifier (upstream rebuilds that region when parsing the pretty
// form; the generic form carries it).
import {
  defineOp, Block, Builder, InsertionPoint, SingleBlock, AnyRankedTensor, Operation, elementTypeOf,
  type AttrSpec, type Attribute, type CustomFormat, type OpDef, type Value, type ValueSpec, type Type,
} from "@zkmlir/core";
import { registerStructured, structuredView, viewMaps, type StructuredView } from "../structured/view.js";
import { verifyStructured } from "../structured/verify.js";
import { sameBody } from "../structured/same-body.js";
import { buildStructured } from "../builders/structured.js";
import { MEMOIZED_MAPS, mapsAttr } from "../attrs.js";
import { printInsOuts, parseInsOuts, printResultTypes, parseOptionalResultTypes } from "./ins-outs-format.js";

/** Reads an attribute of the op being built or verified (absent = declared default). */
export type AttrGetter = (name: string) => Attribute | undefined;
/** Emits an implicit body given block args and the output element type. */
export type CanonicalBody = (b: Builder, args: readonly Value[], outType: Type, attr: AttrGetter) => Value[];

export interface NamedInit {
  name: string;
  summary: string;
  description: string;
  operands?: ValueSpec[];
  attributes?: Record<string, AttrSpec>;
  view: (op: Operation, def: OpDef) => StructuredView;
  canonicalBody?: CanonicalBody;
  /** Upstream caches the maps in `linalg.memoized_indexing_maps` (matmul, conv, pooling). */
  memoize?: boolean;
  verify?: (op: Operation, def: OpDef) => string | undefined;
  /** False for ops without operandSegmentSizes (transpose, broadcast, reduce, map). */
  segments?: boolean;
  /** Pretty form, when it is not `{attrs} ins(...) outs(...) -> types`. */
  format?: CustomFormat;
}

export const INS_OUTS: ValueSpec[] = [{ name: "inputs", arity: "variadic" }, { name: "outputs", arity: "variadic" }];

const inits = new Map<string, NamedInit>();

/** Builds the canonical block for the given block argument types. */
export function canonicalBlock(body: CanonicalBody, argTypes: readonly Type[], outType: Type, attr: AttrGetter): Block {
  const block = new Block(argTypes);
  const b = new Builder(InsertionPoint.atEnd(block));
  b.create({ name: "linalg.yield", operands: body(b, block.args, outType, attr) });
  return block;
}

/**
 * Creates a named op with an implicit region from its inputs, outputs and properties: the
 * region and `linalg.memoized_indexing_maps` are exactly what mlir-opt-19 prints.
 */
export function buildNamed(name: string, inputs: readonly Value[], outputs: readonly Value[], props: Record<string, Attribute | undefined> = {}, discardable: Record<string, Attribute | undefined> = {}): Operation {
  const init = inits.get(name);
  if (!init?.canonicalBody) throw new Error(`'${name}' is not a named linalg op with an implicit region`);
  const body = init.canonicalBody;
  const defaults = init.attributes ?? {};
  const attr = (n: string) => props[n] ?? defaults[n]?.default;
  const out = elementTypeOf(outputs[0]!.type);
  const op = buildStructured({ name, inputs, outputs, body: (b, args) => body(b, args, out, attr), properties: props, attributes: discardable, segments: init.segments });
  if (init.memoize) op.setAttr(MEMOIZED_MAPS, mapsAttr(viewMaps(structuredView(op), name)));
  return op;
}

export function defineNamed(init: NamedInit): OpDef {
  inits.set(init.name, init);
  const def: OpDef = defineOp({
    name: init.name,
    summary: init.summary,
    description: init.description,
    operands: init.operands ?? INS_OUTS,
    results: [{ name: "result_tensors", type: AnyRankedTensor, arity: "variadic" }],
    attributes: init.attributes,
    regions: [{ name: "region" }],
    traits: [SingleBlock],
    verify: (op) => {
      const own = init.verify?.(op, def);
      if (own) return own;
      const err = verifyStructured(op);
      if (err || !init.canonicalBody) return err;
      const v = structuredView(op);
      const entry = op.region(0).entry!;
      const out = elementTypeOf(v.outputs[0]!.type);
      const want = canonicalBlock(init.canonicalBody, entry.args.map((a) => a.type), out, (n) => def.attr(op, n));
      return sameBody(entry, want) ? undefined : `region does not match the implicit body of '${init.name}' for these operand types (use linalg.generic for a custom body)`;
    },
    // `linalg.matmul {attrs} ins(...) outs(...) -> types`: the region is implicit.
    format: init.format ?? (init.canonicalBody ? {
      print(op, p) {
        const inputs = def.operandGroup(op, "inputs");
        p.printOptionalAttrDict(op, ["operandSegmentSizes", MEMOIZED_MAPS]);
        printInsOuts(p, inputs, op.operandValues.slice(inputs.length));
        printResultTypes(p, op.resultTypes);
      },
      parse(p, name) {
        const attrs = p.parseOptionalAttrDict();
        const { ins, outs } = parseInsOuts(p);
        const types = parseOptionalResultTypes(p);
        if (!outs.length) p.error(`'${name}' expects an outs(...) clause`);
        const props: Record<string, Attribute> = {}, rest: Record<string, Attribute> = {};
        for (const [k, v] of attrs) (def.attributes.has(k) ? props : rest)[k] = v;
        const op = buildNamed(name, ins, outs, props, rest);
        if (types.length !== op.results.length || types.some((t, i) => t !== op.result(i).type)) p.error(`'${name}' result types must be the tensor outputs' types`);
        return op;
      },
    } : undefined),
  });
  registerStructured(init.name, (op) => init.view(op, def));
  return def;
}
