import { IntegerAttr, type OpImpl } from "@zkmlir/core";
import { loopIndicesOf } from "./index-state.js";

/** linalg.index: the enclosing op's current loop index, as a bigint (index values are bigints). */
export const indexImpl: OpImpl = (op) => {
  const parent = op.parentOp;
  const idx = parent ? loopIndicesOf(parent) : undefined;
  if (!idx) throw new Error("linalg.index must be directly inside a structured linalg op being interpreted");
  const d = Number((op.getAttr("dim") as IntegerAttr).value);
  return { scalar: () => BigInt(idx[d]!) };
};
