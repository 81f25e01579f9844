// ONNX's unsigned integer types become signless for linalg/arith (which reject ui8). Before the
// conversion, every unsigned value is recorded (so lowerings still pick divui, cmpi ult, ...) and
// function signatures are made signless; after it, returns look through the casts the driver
// left to the old unsigned types.
import { FunctionType, RankedTensorType, TypeAttr, UnrankedTensorType, type Operation, type Type, type Value } from "@zkmlir/core";
import { signless } from "./types.js";

export function signlessType(t: Type): Type {
  if (t instanceof RankedTensorType) return RankedTensorType.get(t.shape, signless(t.elementType));
  if (t instanceof UnrankedTensorType) return t;
  return signless(t);
}

/** Values whose ONNX type is unsigned, recorded before types change. */
export class UnsignedValues {
  private readonly set = new Set<Value>();
  constructor(root: Operation) {
    root.walk((op) => {
      for (const r of op.results) if (signlessType(r.type) !== r.type) this.set.add(r);
      for (const reg of op.regions) for (const b of reg.blocks) for (const a of b.args) if (signlessType(a.type) !== a.type) this.set.add(a);
    });
  }
  has(v: Value | undefined): boolean { return v !== undefined && this.set.has(v); }
}

/** Makes func.func argument types signless in place (before lowering). */
export function signlessArguments(root: Operation): void {
  root.walk((f) => {
    if (f.name !== "func.func") return;
    const ft = (f.getAttr("function_type") as TypeAttr | undefined)?.type;
    if (!(ft instanceof FunctionType)) return;
    const entry = f.region(0).entry;
    if (entry) for (const a of entry.args) a.type = signlessType(a.type);
    f.setAttr("function_type", new TypeAttr(FunctionType.get(ft.inputs.map(signlessType), ft.results)));
  });
}

/** After lowering: returns read the signless values and result types become signless. */
export function signlessResults(root: Operation): void {
  root.walk((f) => {
    if (f.name !== "func.func") return;
    const ft = (f.getAttr("function_type") as TypeAttr | undefined)?.type;
    if (!(ft instanceof FunctionType)) return;
    f.walk((r) => {
      if (r.name !== "func.return") return;
      r.operands.forEach((o) => {
        const d = o.value.definingOp;
        if (d?.name === "builtin.unrealized_conversion_cast" && d.operands.length === 1 && d.operand(0).type === signlessType(o.value.type)) {
          o.set(d.operand(0));
          if (!d.result(0).hasUses) d.erase();
        }
      });
    });
    f.setAttr("function_type", new TypeAttr(FunctionType.get(ft.inputs, ft.results.map(signlessType))));
  });
}
