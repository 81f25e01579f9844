// One MLIR op declaration per ONNX operator, derived from the generated schema table: operands
// and results from inputs/outputs (optional -> `optional`, variadic -> `variadic`), attributes
// typed with the schema's defaults, graph attributes as regions, and a verifier for variadic
// counts and for type variables (every value constrained by `T` has the same element type).
import {
  ConstantLike, DenseArrayOf, Pure, defineOp, type AttrSpec, type OpDef, type OpDefInit, type Operation, type RegionSpec,
  type Trait, type ValueSpec,
} from "@zkmlir/core";
import type { OpSchema, ValueSchema } from "../schema/types.js";
import { STRING_ENUMS } from "./attr-enums.js";
import { constraintOfKind, defaultAttr, enumConstraint } from "./attr-kinds.js";
import { elementTypeOfOnnxType, tensorElementType, tensorOfOnnxTypes } from "./element-types.js";
import { foldConstant, verifyConstant } from "./constant.js";

/** Ops whose results are not a function of their operands (random draws). */
const IMPURE = new Set(["Bernoulli", "Multinomial", "RandomNormal", "RandomNormalLike", "RandomUniform", "RandomUniformLike"]);

/**
 * Element types zkmlir accepts beyond the ONNX schema, per op and type variable. Exporters
 * (hummingbird tree ensembles, as in EZKL's examples) emit MatMul on 8/16-bit integers, which the
 * kernels and the linalg lowering compute exactly (wrapping in the element type), though ONNX's
 * MatMul constraint omits those types and onnxruntime has no kernel for them.
 */
const TYPE_EXTENSIONS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  MatMul: { T: ["tensor(int8)", "tensor(int16)", "tensor(uint8)"] },
};

function valueSpecs(s: OpSchema, values: readonly ValueSchema[]): ValueSpec[] {
  const ext = TYPE_EXTENSIONS[s.name] ?? {};
  const allowed = new Map(s.type_constraints.map((c) => [c.name, [...c.types, ...(ext[c.name] ?? [])]]));
  return values.map((v) => ({
    name: v.name,
    type: tensorOfOnnxTypes(allowed.get(v.type) ?? [v.type]),
    arity: v.variadic ? "variadic" : v.optional ? "optional" : "single",
  }));
}

/** Least number of values of a variadic group (from the schema's min_inputs/min_outputs). */
function variadicMinimum(values: readonly ValueSchema[], min: number): number | undefined {
  const i = values.findIndex((v) => v.variadic);
  return i < 0 ? undefined : Math.max(0, min - i);
}

function verifier(s: OpSchema): (op: Operation) => string | undefined {
  const inMin = variadicMinimum(s.inputs, s.min_inputs);
  const outMin = variadicMinimum(s.outputs, s.min_outputs);
  return (op) => {
    const def = op.def!;
    const groups = [
      { kind: "operand", schema: s.inputs, ranges: def.groupRanges(op, "operands"), types: op.operands.map((o) => o.value.type), min: inMin },
      { kind: "result", schema: s.outputs, ranges: def.groupRanges(op, "results"), types: op.resultTypes, min: outMin },
    ] as const;
    // Type variable -> first element type seen and where.
    const bound = new Map<string, { key: string; where: string }>();
    for (const g of groups) {
      for (let i = 0; i < g.schema.length; i++) {
        const v = g.schema[i]!;
        const [start, n] = g.ranges[i]!;
        if (v.variadic && g.min !== undefined && n < g.min) return `${g.kind} group '${v.name}' needs at least ${g.min} values, has ${n}`;
        if (v.heterogeneous || elementTypeOfOnnxType(v.type)) continue;
        for (let k = start; k < start + n; k++) {
          const e = tensorElementType(g.types[k]!);
          if (!e) continue; // the declared constraint reports non-tensors
          const where = `${g.kind} #${k} ('${v.name}')`;
          const prev = bound.get(v.type);
          if (!prev) bound.set(v.type, { key: e.key, where });
          else if (prev.key !== e.key) return `${where} has element type ${e.key}, but type '${v.type}' is ${prev.key} from ${prev.where}`;
        }
      }
    }
    return undefined;
  };
}

/** The op declaration init for one ONNX operator schema (not yet registered). */
export function onnxOpInit(s: OpSchema): OpDefInit {
  const attributes: Record<string, AttrSpec> = {};
  const regions: RegionSpec[] = [];
  const enums = STRING_ENUMS[s.name] ?? {};
  for (const a of s.attributes) {
    if (a.type === "graph" || a.type === "graphs") {
      regions.push({ name: a.name, arity: a.type === "graphs" ? "variadic" : "single" });
      continue;
    }
    const cases = enums[a.name];
    const dflt = defaultAttr(a.type, a.default, `${s.name}.${a.name}`);
    attributes[a.name] = {
      constraint: cases ? enumConstraint(cases) : constraintOfKind(a.type),
      ...(dflt ? { default: dflt } : {}),
      optional: !a.required && dflt === undefined,
      doc: `ONNX ${a.type}${a.required ? " (required)" : ""}`,
    };
  }
  const operands = valueSpecs(s, s.inputs);
  const results = valueSpecs(s, s.outputs);
  const multi = (vs: ValueSpec[]) => vs.filter((v) => v.arity !== "single").length > 1;
  if (multi(operands)) attributes.operandSegmentSizes = { constraint: DenseArrayOf("i32") };
  if (multi(results)) attributes.resultSegmentSizes = { constraint: DenseArrayOf("i32") };
  const traits: Trait[] = s.name === "Constant" ? [ConstantLike, Pure] : IMPURE.has(s.name) ? [] : [Pure];
  const base = verifier(s);
  return {
    name: `onnx.${s.name}`,
    summary: `ONNX ${s.name}, version ${s.since_version}${s.deprecated ? " (deprecated)" : ""}`,
    operands, results, attributes, regions, traits,
    verify: s.name === "Constant" ? (op) => base(op) ?? verifyConstant(op) : base,
    ...(s.name === "Constant" ? { fold: foldConstant } : {}),
  };
}

/** Declares (and registers) the op of one ONNX operator schema. */
export function declareOnnxOp(s: OpSchema): OpDef {
  return defineOp(onnxOpInit(s));
}
