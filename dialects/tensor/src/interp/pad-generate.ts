import { Tensor, RankedTensorType, type OpImpl } from "@zkmlir/core";
import { concreteShape, dtypeFor, forEachIndex, offsetOf, writeElem } from "./element-type.js";
import { resolveMixed, staticValues } from "../ops/mixed.js";
import { PadOp } from "../ops/pad-generate.js";

export const padImpl: OpImpl = (op, c) => {
  const body = c.compileRegion(op.region(0));
  const dt = dtypeFor(op.name, op.result(0).type);
  return {
    run: (args) => {
      const src = args[0] as Tensor;
      const at = (g: string) => PadOp.operandGroup(op, g).map((v) => args[op.operandValues.indexOf(v)]);
      const lo = resolveMixed(staticValues(op, "static_low"), at("low"));
      const hi = resolveMixed(staticValues(op, "static_high"), at("high"));
      if ([...lo, ...hi].some((v) => v < 0)) throw new Error(`${op.name}: negative padding [${lo}] / [${hi}]`);
      const shape = src.shape.map((d, k) => d + lo[k]! + hi[k]!);
      const out = new Tensor(dt, shape);
      const inner = new Array<number>(shape.length);
      forEachIndex(shape, (idx, lin) => {
        let inside = true;
        for (let k = 0; k < idx.length; k++) {
          inner[k] = idx[k]! - lo[k]!;
          if (inner[k]! < 0 || inner[k]! >= src.shape[k]!) inside = false;
        }
        if (inside) out.data[lin] = src.data[offsetOf(op.name, src.shape, inner)]!;
        else writeElem(out, lin, body(idx.map(BigInt))[0]);
      });
      return [out];
    },
  };
};

export const generateImpl: OpImpl = (op, c) => {
  const body = c.compileRegion(op.region(0));
  const rt = op.result(0).type as RankedTensorType;
  const dt = dtypeFor(op.name, rt);
  return {
    run: (dyn) => {
      const out = new Tensor(dt, concreteShape(op.name, rt, dyn));
      forEachIndex(out.shape, (idx, lin) => writeElem(out, lin, body(idx.map(BigInt))[0]));
      return [out];
    },
  };
};
