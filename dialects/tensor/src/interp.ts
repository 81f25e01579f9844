// Reference-domain semantics of tensor ops: tensors are core `Tensor`s (typed arrays, row-major),
// index values are bigints (as arith's impls take them); elements read from integer tensors are
// bigints, from float tensors numbers.
import { ImplTable, type OpImpl } from "@zkmlir/core";
import { emptyImpl } from "./interp/empty.js";
import { extractSliceImpl, insertSliceImpl } from "./interp/slice.js";
import { expandShapeImpl, collapseShapeImpl, reshapeImpl, castImpl } from "./interp/reshape.js";
import { padImpl, generateImpl } from "./interp/pad-generate.js";
import { extractImpl, insertImpl, fromElementsImpl, dimImpl, concatImpl } from "./interp/elements.js";

const entries: Record<string, OpImpl> = {
  "tensor.empty": emptyImpl,
  "tensor.extract_slice": extractSliceImpl,
  "tensor.insert_slice": insertSliceImpl,
  "tensor.expand_shape": expandShapeImpl,
  "tensor.collapse_shape": collapseShapeImpl,
  "tensor.reshape": reshapeImpl,
  "tensor.cast": castImpl,
  "tensor.pad": padImpl,
  "tensor.generate": generateImpl,
  "tensor.yield": () => ({ control: (args) => ({ kind: "yield", values: args }) }),
  "tensor.extract": extractImpl,
  "tensor.insert": insertImpl,
  "tensor.from_elements": fromElementsImpl,
  "tensor.dim": dimImpl,
  "tensor.concat": concatImpl,
};

export const tensorImpls = new ImplTable("reference", entries);
