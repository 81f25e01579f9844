// Type and attribute constraints used by op declarations (ODS's TypeConstraint / AttrConstraint).
import { FloatType, IndexType, IntegerType, RankedTensorType, UnrankedTensorType, elementTypeOf, type Type } from "./type.js";
import {
  AffineMapAttr, ArrayAttr, BoolAttr, DenseArrayAttr, DenseElementsAttr, DenseResourceAttr, DialectAttr,
  DictionaryAttr, FloatAttr, IntegerAttr, StringAttr, SymbolRefAttr, TypeAttr, UnitAttr, type Attribute,
} from "./attribute.js";

export interface TypeConstraint {
  readonly description: string;
  check(t: Type): boolean;
}
export interface AttrConstraint {
  readonly description: string;
  check(a: Attribute): boolean;
}

export const typeC = (description: string, check: (t: Type) => boolean): TypeConstraint => ({ description, check });
export const attrC = (description: string, check: (a: Attribute) => boolean): AttrConstraint => ({ description, check });

export const AnyType = typeC("any type", () => true);
export const AnyInteger = typeC("integer", (t) => t instanceof IntegerType);
export const SignlessInteger = typeC("signless integer", (t) => t instanceof IntegerType && t.signedness === "signless");
export const Index = typeC("index", (t) => t instanceof IndexType);
export const AnyFloat = typeC("floating-point", (t) => t instanceof FloatType);
export const AnyTensor = typeC("tensor", (t) => t instanceof RankedTensorType || t instanceof UnrankedTensorType);
export const AnyRankedTensor = typeC("ranked tensor", (t) => t instanceof RankedTensorType);
export const I1 = typeC("i1", (t) => t instanceof IntegerType && t.width === 1);

/** Scalar of a kind, or a tensor of it (arith ops work elementwise on tensors too). */
export function scalarOrTensorOf(c: TypeConstraint): TypeConstraint {
  return typeC(`${c.description}-like`, (t) => c.check(elementTypeOf(t)));
}
export const SignlessIntegerOrIndexLike = scalarOrTensorOf(typeC("signless integer or index", (t) => (t instanceof IntegerType && t.signedness === "signless") || t instanceof IndexType));
export const FloatLike = scalarOrTensorOf(AnyFloat);
export const BoolLike = scalarOrTensorOf(I1);
export function anyOf(...cs: TypeConstraint[]): TypeConstraint {
  return typeC(cs.map((c) => c.description).join(" or "), (t) => cs.some((c) => c.check(t)));
}

export const AnyAttr = attrC("any attribute", () => true);
export const IntegerAttrC = attrC("integer attribute", (a) => a instanceof IntegerAttr);
export const I64Attr = attrC("64-bit integer attribute", (a) => a instanceof IntegerAttr && a.type instanceof IntegerType && a.type.width === 64);
export const FloatAttrC = attrC("float attribute", (a) => a instanceof FloatAttr);
export const StringAttrC = attrC("string attribute", (a) => a instanceof StringAttr);
export const BoolAttrC = attrC("bool attribute", (a) => BoolAttr.is(a));
export const UnitAttrC = attrC("unit attribute", (a) => a instanceof UnitAttr);
export const TypeAttrC = attrC("type attribute", (a) => a instanceof TypeAttr);
export const FunctionTypeAttrC = attrC("type attribute of function type", (a) => a instanceof TypeAttr && a.type.key.startsWith("("));
export const ArrayAttrC = attrC("array attribute", (a) => a instanceof ArrayAttr);
export const DictionaryAttrC = attrC("dictionary attribute", (a) => a instanceof DictionaryAttr);
export const SymbolRefAttrC = attrC("symbol reference attribute", (a) => a instanceof SymbolRefAttr);
export const FlatSymbolRefAttrC = attrC("flat symbol reference attribute", (a) => a instanceof SymbolRefAttr && a.nested.length === 0);
export const AffineMapAttrC = attrC("affine map attribute", (a) => a instanceof AffineMapAttr);
export const ElementsAttrC = attrC("elements attribute", (a) => a instanceof DenseElementsAttr || a instanceof DenseResourceAttr);
export const TypedAttrC = attrC("typed attribute", (a) => a instanceof IntegerAttr || a instanceof FloatAttr || a instanceof DenseElementsAttr || a instanceof DenseResourceAttr);
export function DenseArrayOf(elt: string): AttrConstraint {
  return attrC(`array<${elt}>`, (a) => a instanceof DenseArrayAttr && a.elementType.key === elt);
}
export function ArrayOf(c: AttrConstraint): AttrConstraint {
  return attrC(`array of ${c.description}`, (a) => a instanceof ArrayAttr && a.elements.every((e) => c.check(e)));
}
/** A dialect enum attribute such as `#arith.overflow<none>`. */
export function EnumAttr(dialect: string, name: string, cases: readonly string[]): AttrConstraint {
  const allowed = new Set(cases);
  return attrC(`#${dialect}.${name}<${cases.join("|")}>`, (a) =>
    a instanceof DialectAttr && a.dialect === dialect && a.name === name && a.body !== undefined &&
    a.body.split(",").map((s) => s.trim()).every((s) => allowed.has(s)));
}
