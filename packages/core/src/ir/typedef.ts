// Declarative parametric dialect types: `!fixedpoint.fixed<frac = 8, bits = 24>`.
import { DialectType, IntegerType, type Type } from "./type.js";

export type TypeParamKind = "int" | "type" | "string" | "bool";
export interface TypeParamSpec { name: string; kind: TypeParamKind }
export type TypeParamValue = number | string | boolean | Type;

export interface TypeDefInit {
  dialect: string;
  name: string;
  summary?: string;
  params: TypeParamSpec[];
  /** Returns an error message for invalid parameters. */
  verify?: (params: Readonly<Record<string, TypeParamValue>>) => string | undefined;
}

function printParam(v: TypeParamValue): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "object") return v.key;
  return String(v);
}

/**
 * Checks declared parameters (kinds, then the verifier) and returns the canonical body
 * `k = v, ...` and the parameters in declared order. Shared by parametric types and attributes.
 */
export function canonicalParams(
  what: string, specs: readonly TypeParamSpec[], params: Readonly<Record<string, TypeParamValue>>,
  verify?: (p: Readonly<Record<string, TypeParamValue>>) => string | undefined,
): { body: string; ordered: Readonly<Record<string, TypeParamValue>> } {
  for (const p of specs) {
    const v = params[p.name];
    const ok = p.kind === "int" ? typeof v === "number" && Number.isInteger(v)
      : p.kind === "string" ? typeof v === "string"
      : p.kind === "bool" ? typeof v === "boolean"
      : typeof v === "object";
    if (!ok) throw new Error(`${what}: parameter '${p.name}' must be ${p.kind}`);
  }
  const err = verify?.(params);
  if (err) throw new Error(`${what}: ${err}`);
  const ordered: Record<string, TypeParamValue> = {};
  for (const p of specs) ordered[p.name] = params[p.name]!;
  return { body: specs.map((p) => `${p.name} = ${printParam(params[p.name]!)}`).join(", "), ordered: Object.freeze(ordered) };
}

const typeDefs = new Map<string, TypeDef>();

export class TypeDef {
  constructor(readonly init: TypeDefInit) {}
  get fullName(): string { return `${this.init.dialect}.${this.init.name}`; }

  /** The uniqued type for these parameters; throws with the verifier's message when invalid. */
  get(params: Readonly<Record<string, TypeParamValue>>): DialectType {
    const { body, ordered } = canonicalParams(`!${this.fullName}`, this.init.params, params, this.init.verify);
    const key = body ? `!${this.fullName}<${body}>` : `!${this.fullName}`;
    return DialectType.getUniqued(key, () => new DialectType(this.init.dialect, this.init.name, ordered, key));
  }

  is(t: Type): t is DialectType {
    return t instanceof DialectType && t.dialect === this.init.dialect && t.name === this.init.name;
  }
}

export function defineType(init: TypeDefInit): TypeDef {
  const d = new TypeDef(init);
  typeDefs.set(d.fullName, d);
  return d;
}
export function lookupTypeDef(fullName: string): TypeDef | undefined {
  return typeDefs.get(fullName);
}
/** Keeps IntegerType imported for param docs (int params are plain numbers). */
export type { IntegerType };
