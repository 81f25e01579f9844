// Builtin attributes. Attributes are immutable values compared structurally with `equals`;
// `hashKey` is a cheap identity string for CSE and uniquing (dense data is hashed, not printed).
import { AffineMap } from "./affine.js";
import { FloatType, IndexType, IntegerType, RankedTensorType, Type } from "./type.js";
import type { TypedData, DType } from "../interp/tensor.js";

export abstract class Attribute {
  abstract equals(o: Attribute): boolean;
  abstract hashKey(): string;
}

export class IntegerAttr extends Attribute {
  constructor(readonly value: bigint, readonly type: Type) { super(); }
  static get(value: number | bigint, type: Type = IntegerType.get(64)): IntegerAttr {
    return new IntegerAttr(BigInt(value), type);
  }
  get number(): number { return Number(this.value); }
  equals(o: Attribute): boolean { return o instanceof IntegerAttr && o.value === this.value && o.type === this.type; }
  hashKey(): string { return `${this.value}:${this.type.key}`; }
}

export class FloatAttr extends Attribute {
  constructor(readonly value: number, readonly type: FloatType) { super(); }
  static get(value: number, type: FloatType = FloatType.get("f64")): FloatAttr {
    return new FloatAttr(type.kind === "f32" ? Math.fround(value) : value, type);
  }
  equals(o: Attribute): boolean { return o instanceof FloatAttr && Object.is(o.value, this.value) && o.type === this.type; }
  hashKey(): string { return `${Object.is(this.value, -0) ? "-0" : this.value}:${this.type.key}`; }
}

/** MLIR's BoolAttr is an i1 IntegerAttr; these helpers build and test it. */
export const BoolAttr = {
  get(v: boolean): IntegerAttr { return new IntegerAttr(v ? 1n : 0n, IntegerType.get(1)); },
  is(a: Attribute | undefined): a is IntegerAttr {
    return a instanceof IntegerAttr && a.type instanceof IntegerType && a.type.width === 1 && a.type.signedness === "signless";
  },
};

export class UnitAttr extends Attribute {
  static readonly instance = new UnitAttr();
  private constructor() { super(); }
  equals(o: Attribute): boolean { return o === this; }
  hashKey(): string { return "unit"; }
}

export class StringAttr extends Attribute {
  constructor(readonly value: string) { super(); }
  equals(o: Attribute): boolean { return o instanceof StringAttr && o.value === this.value; }
  hashKey(): string { return JSON.stringify(this.value); }
}

export class TypeAttr extends Attribute {
  constructor(readonly type: Type) { super(); }
  equals(o: Attribute): boolean { return o instanceof TypeAttr && o.type === this.type; }
  hashKey(): string { return `type:${this.type.key}`; }
}

export class ArrayAttr extends Attribute {
  constructor(readonly elements: readonly Attribute[]) { super(); }
  equals(o: Attribute): boolean {
    return o instanceof ArrayAttr && o.elements.length === this.elements.length && this.elements.every((e, i) => e.equals(o.elements[i]!));
  }
  hashKey(): string { return `[${this.elements.map((e) => e.hashKey()).join(",")}]`; }
}

/** MLIR's `array<i64: 1, 2>` (DenseI64ArrayAttr and friends). */
export class DenseArrayAttr extends Attribute {
  constructor(readonly elementType: Type, readonly values: readonly number[]) { super(); }
  equals(o: Attribute): boolean {
    return o instanceof DenseArrayAttr && o.elementType === this.elementType && o.values.length === this.values.length && o.values.every((v, i) => Object.is(v, this.values[i]));
  }
  hashKey(): string { return `array<${this.elementType.key}:${this.values.join(",")}>`; }
}

export class DictionaryAttr extends Attribute {
  /** Entries sorted by name, as MLIR keeps them. */
  readonly entries: ReadonlyArray<readonly [string, Attribute]>;
  constructor(entries: Iterable<readonly [string, Attribute]>) {
    super();
    this.entries = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
  get(name: string): Attribute | undefined { return this.entries.find((e) => e[0] === name)?.[1]; }
  equals(o: Attribute): boolean {
    return o instanceof DictionaryAttr && o.entries.length === this.entries.length &&
      this.entries.every(([k, v], i) => o.entries[i]![0] === k && v.equals(o.entries[i]![1]));
  }
  hashKey(): string { return `{${this.entries.map(([k, v]) => `${k}=${v.hashKey()}`).join(",")}}`; }
}

export class SymbolRefAttr extends Attribute {
  constructor(readonly root: string, readonly nested: readonly string[] = []) { super(); }
  equals(o: Attribute): boolean {
    return o instanceof SymbolRefAttr && o.root === this.root && o.nested.length === this.nested.length && o.nested.every((n, i) => n === this.nested[i]);
  }
  hashKey(): string { return `@${[this.root, ...this.nested].join("::@")}`; }
}

export class AffineMapAttr extends Attribute {
  constructor(readonly map: AffineMap) { super(); }
  equals(o: Attribute): boolean { return o instanceof AffineMapAttr && o.map.equals(this.map); }
  hashKey(): string { return `affine_map<${this.map.toString()}>`; }
}

/** The typed-array kind that backs elements of an MLIR element type. */
export function dtypeOf(t: Type): DType | undefined {
  if (t instanceof FloatType) return t.kind === "f32" ? "f32" : t.kind === "f64" ? "f64" : undefined;
  if (t instanceof IndexType) return "i64";
  if (t instanceof IntegerType) {
    switch (t.width) {
      case 1: return "i1";
      case 8: return t.signedness === "unsigned" ? "u8" : "i8";
      case 16: return t.signedness === "unsigned" ? undefined : "i16";
      case 32: return t.signedness === "unsigned" ? undefined : "i32";
      case 64: return "i64";
    }
  }
  return undefined;
}

function fnv1a(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

function bytesOf(d: TypedData): Uint8Array {
  return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
}

/**
 * `dense<...> : tensor<...>` backed by a typed array (never JS number arrays: weights are big).
 * A splat holds one element. Printed in hex when large (see printer).
 */
export class DenseElementsAttr extends Attribute {
  private hash?: string;
  constructor(readonly type: RankedTensorType, readonly data: TypedData, readonly isSplat: boolean) {
    super();
    const n = isSplat ? 1 : type.numElements;
    if (data.length !== n) throw new Error(`dense elements: ${data.length} values for ${type.key}`);
  }
  get elementType(): Type { return this.type.elementType; }
  /** Element i as number or bigint (splat-aware). */
  at(i: number): number | bigint { return this.data[this.isSplat ? 0 : i]!; }
  /** All elements expanded to the full shape (copies only for splats). */
  values(): TypedData {
    if (!this.isSplat) return this.data;
    const n = this.type.numElements;
    const Ctor = this.data.constructor as { new(n: number): TypedData };
    const out = new Ctor(n);
    (out as { fill(v: number | bigint): unknown }).fill(this.data[0]!);
    return out;
  }
  equals(o: Attribute): boolean {
    if (!(o instanceof DenseElementsAttr) || o.type !== this.type) return false;
    if (o.isSplat !== this.isSplat || o.data.length !== this.data.length) {
      // A splat and its expansion are the same value.
      const n = this.type.numElements;
      for (let i = 0; i < n; i++) if (!Object.is(this.at(i), o.at(i))) return false;
      return true;
    }
    const a = bytesOf(this.data), b = bytesOf(o.data);
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  hashKey(): string {
    this.hash ??= `dense:${this.type.key}:${this.isSplat ? "s" : ""}${fnv1a(bytesOf(this.data))}`;
    return this.hash;
  }
}

/** A named blob of a `{-# dialect_resources: ... #-}` section; data may be filled in after parsing. */
export class ResourceBlob {
  constructor(readonly dialect: string, readonly name: string, public data?: Uint8Array, public alignment = 8) {}
}

/** `dense_resource<handle> : tensor<...>`: elements stored out of line in the resource section. */
export class DenseResourceAttr extends Attribute {
  constructor(readonly type: RankedTensorType, readonly blob: ResourceBlob) { super(); }
  equals(o: Attribute): boolean { return o instanceof DenseResourceAttr && o.type === this.type && o.blob.name === this.blob.name; }
  hashKey(): string { return `dense_resource<${this.blob.name}>:${this.type.key}`; }
}

/**
 * A dialect attribute `#dialect.name<body>` (e.g. `#arith.overflow<none>`,
 * `#linalg.iterator_type<parallel>`); `body` is kept verbatim, dialects declare allowed bodies.
 */
export class DialectAttr extends Attribute {
  constructor(
    readonly dialect: string, readonly name: string, readonly body: string | undefined,
    /** Parameters of a declared parametric attribute (see attrdef.ts). */
    readonly params?: Readonly<Record<string, unknown>>,
  ) { super(); }
  get text(): string { return `#${this.dialect}.${this.name}${this.body !== undefined ? `<${this.body}>` : ""}`; }
  equals(o: Attribute): boolean { return o instanceof DialectAttr && o.text === this.text; }
  hashKey(): string { return this.text; }
}

/** Location as an attribute value (rare; kept for completeness of the attribute grammar). */
export function attrEquals(a: Attribute | undefined, b: Attribute | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.equals(b);
}
