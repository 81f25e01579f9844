// Types are uniqued: each constructor returns one shared instance per printed form, so
// type equality is `===` (as MLIR's context-uniqued types).

const interned = new Map<string, Type>();

export abstract class Type {
  /** The canonical printed form; also the uniquing key. */
  abstract readonly key: string;
  toString(): string {
    return this.key;
  }
  protected static intern<T extends Type>(key: string, make: () => T): T {
    let t = interned.get(key);
    if (!t) {
      t = make();
      interned.set(key, t);
    }
    return t as T;
  }
}

export type Signedness = "signless" | "signed" | "unsigned";

export class IntegerType extends Type {
  private constructor(readonly width: number, readonly signedness: Signedness, readonly key: string) { super(); }
  static get(width: number, signedness: Signedness = "signless"): IntegerType {
    if (!Number.isInteger(width) || width < 1 || width > 16777215) throw new Error(`invalid integer width ${width}`);
    const prefix = signedness === "signless" ? "i" : signedness === "signed" ? "si" : "ui";
    const key = `${prefix}${width}`;
    return Type.intern(key, () => new IntegerType(width, signedness, key));
  }
}

export class IndexType extends Type {
  readonly key = "index";
  private constructor() { super(); }
  static get(): IndexType { return Type.intern("index", () => new IndexType()); }
}

export type FloatKind = "f16" | "bf16" | "f32" | "f64";
export class FloatType extends Type {
  private constructor(readonly kind: FloatKind) { super(); }
  get key(): string { return this.kind; }
  get width(): number { return this.kind === "f64" ? 64 : this.kind === "f32" ? 32 : 16; }
  static get(kind: FloatKind): FloatType { return Type.intern(kind, () => new FloatType(kind)); }
}

export class NoneType extends Type {
  readonly key = "none";
  private constructor() { super(); }
  static get(): NoneType { return Type.intern("none", () => new NoneType()); }
}

/** A dynamic dimension, printed `?`. */
export const DYNAMIC = -1;

export class RankedTensorType extends Type {
  private constructor(readonly shape: readonly number[], readonly elementType: Type, readonly key: string) { super(); }
  static get(shape: readonly number[], elementType: Type): RankedTensorType {
    const dims = shape.map((d) => (d === DYNAMIC ? "?" : String(d)));
    const key = `tensor<${[...dims, elementType.key].join("x")}>`;
    return Type.intern(key, () => new RankedTensorType(Object.freeze(shape.slice()), elementType, key));
  }
  get rank(): number { return this.shape.length; }
  get hasStaticShape(): boolean { return this.shape.every((d) => d !== DYNAMIC); }
  get numElements(): number {
    let n = 1;
    for (const d of this.shape) n *= d;
    return n;
  }
}

export class UnrankedTensorType extends Type {
  private constructor(readonly elementType: Type, readonly key: string) { super(); }
  static get(elementType: Type): UnrankedTensorType {
    const key = `tensor<*x${elementType.key}>`;
    return Type.intern(key, () => new UnrankedTensorType(elementType, key));
  }
}

export class FunctionType extends Type {
  private constructor(readonly inputs: readonly Type[], readonly results: readonly Type[], readonly key: string) { super(); }
  private static trie = new Map<Type | string, unknown>();
  static get(inputs: readonly Type[], results: readonly Type[]): FunctionType {
    return FunctionType.getFrom(inputs, 0, inputs.length, results, 0, results.length);
  }
  /**
   * The function type whose inputs are `ins[inStart..inEnd)` and results `res[resStart..resEnd)`
   * (the parser passes ranges of one scratch stack rather than building two arrays per type).
   */
  static getFrom(ins: readonly Type[], inStart: number, inEnd: number, res: readonly Type[], resStart: number, resEnd: number): FunctionType {
    // A trie over the component types avoids building the key string on every lookup (hot in the parser).
    let node = FunctionType.step(FunctionType.trie, ins, inStart, inEnd);
    let sep = node.get("->") as Map<Type | string, unknown> | undefined;
    if (!sep) node.set("->", (sep = new Map()));
    node = FunctionType.step(sep, res, resStart, resEnd);
    const hit = node.get("") as FunctionType | undefined;
    if (hit) return hit;
    const ft = FunctionType.build(ins.slice(inStart, inEnd), res.slice(resStart, resEnd));
    node.set("", ft);
    return ft;
  }
  private static step(node: Map<Type | string, unknown>, ts: readonly Type[], start: number, end: number): Map<Type | string, unknown> {
    for (let i = start; i < end; i++) {
      const t = ts[i]!;
      let n = node.get(t) as Map<Type | string, unknown> | undefined;
      if (!n) node.set(t, (n = new Map()));
      node = n;
    }
    return node;
  }
  private static build(inputs: readonly Type[], results: readonly Type[]): FunctionType {
    const res = results.length === 1 && !(results[0] instanceof FunctionType)
      ? results[0]!.key
      : `(${results.map((t) => t.key).join(", ")})`;
    const key = `(${inputs.map((t) => t.key).join(", ")}) -> ${res}`;
    return Type.intern(key, () => new FunctionType(inputs, results, key));
  }
}

/**
 * A type of a registered dialect: `!dialect.name<params>` with declared parameters
 * (see TypeDef in dialect.ts). Parameter values are attributes-like plain values.
 */
export class DialectType extends Type {
  constructor(readonly dialect: string, readonly name: string, readonly params: Readonly<Record<string, unknown>>, readonly key: string) { super(); }
  static getUniqued(key: string, make: () => DialectType): DialectType {
    return Type.intern(key, make);
  }
}

/** A type of an unregistered dialect, kept verbatim: `!dialect.body`. */
export class OpaqueType extends Type {
  private constructor(readonly dialect: string, readonly body: string, readonly key: string) { super(); }
  static get(dialect: string, body: string): OpaqueType {
    const key = `!${dialect}.${body}`;
    return Type.intern(key, () => new OpaqueType(dialect, body, key));
  }
}

// Short builders.
export const i1 = (): IntegerType => IntegerType.get(1);
export const i8 = (): IntegerType => IntegerType.get(8);
export const i16 = (): IntegerType => IntegerType.get(16);
export const i32 = (): IntegerType => IntegerType.get(32);
export const i64 = (): IntegerType => IntegerType.get(64);
export const f16 = (): FloatType => FloatType.get("f16");
export const f32 = (): FloatType => FloatType.get("f32");
export const f64 = (): FloatType => FloatType.get("f64");
export const index = (): IndexType => IndexType.get();
export const tensor = (shape: readonly number[], elt: Type): RankedTensorType => RankedTensorType.get(shape, elt);

export function isIntegerLike(t: Type): boolean {
  return t instanceof IntegerType || t instanceof IndexType;
}
export function isFloat(t: Type): t is FloatType {
  return t instanceof FloatType;
}
/** The element type of a tensor type, or the type itself for scalars. */
export function elementTypeOf(t: Type): Type {
  return t instanceof RankedTensorType || t instanceof UnrankedTensorType ? t.elementType : t;
}
