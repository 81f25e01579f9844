// Static result types from one concrete run: the onnx-level module is interpreted on the given
// inputs and every result whose type is not static gets the shape it had. Used by runAtLevel
// (inputs are known there) until onnx-shape-inference covers every op; the lowering itself
// never guesses shapes.
import { FunctionType, Interpreter, RankedTensorType, Tensor, TypeAttr, elementTypeOf, type Operation, type Type } from "@zkmlir/core";
import { elementTypeOfDType } from "@zkmlir/onnx-dialect";
import { ONNX_LEVEL_IMPLS } from "./levels.js";

export function specializeShapes(module: Operation, funcName: string | undefined, inputs: readonly Tensor[]): void {
  const interp = new Interpreter(module, ONNX_LEVEL_IMPLS);
  const seen = new Map<Operation, readonly unknown[]>();
  interp.addListener((op, results) => { if (op.dialect === "onnx") seen.set(op, results); });
  interp.run(funcName, [...inputs]);
  for (const [op, results] of seen) {
    op.results.forEach((r, i) => {
      const t = r.type;
      const v = results[i];
      if (!(v instanceof Tensor) || (t instanceof RankedTensorType && t.hasStaticShape)) return;
      const et = elementTypeOf(t);
      r.type = RankedTensorType.get(v.shape, et === t ? elementTypeOfDType(v.dtype) : et);
    });
  }

  // Function results declared with symbolic dims take the returned values' static types.
  module.walk((f) => {
    if (f.name !== "func.func") return;
    const ft = (f.getAttr("function_type") as TypeAttr | undefined)?.type;
    const ret = f.region(0).entry?.last;
    if (!(ft instanceof FunctionType) || ret?.name !== "func.return") return;
    const isStatic = (t: Type) => t instanceof RankedTensorType && t.hasStaticShape;
    const results = ft.results.map((t, i) => (isStatic(t) ? t : ret.operand(i).type));
    f.setAttr("function_type", new TypeAttr(FunctionType.get(ft.inputs, results)));
  });
}
