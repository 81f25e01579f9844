// Reference-domain semantics of the onnx dialect: every op with an ONNX kernel runs that kernel.
// The op's attributes become plain kernel Attrs and its operand/result groups become ONNX
// positions ONCE, when the op is compiled; a run only gathers tensors and calls the kernel.
import { ImplTable, Tensor, dtypeOf, type DType, type OpImpl, type Operation } from "@zkmlir/core";
import { ONNX_KERNELS } from "../kernels/registry.js";
import type { AttrValue, Attrs, Kernel } from "../kernels/types.js";
import { plainOfAttr } from "../ops/attr-kinds.js";
import { onnxPositions } from "../ops/positions.js";
import { tensorElementType } from "../ops/element-types.js";

const SEGMENT_ATTRS = new Set(["operandSegmentSizes", "resultSegmentSizes"]);

/** The op's ONNX attributes as the plain values kernels take. */
export function kernelAttrs(op: Operation): Attrs {
  const out: Record<string, AttrValue> = {};
  for (const [name, a] of op.properties) if (!SEGMENT_ATTRS.has(name)) out[name] = plainOfAttr(a, `'${name}' of '${op.name}'`);
  return out;
}

/** The dtype each result must have (undefined where the element type has no Tensor dtype). */
function resultDTypes(op: Operation): (DType | undefined)[] {
  return op.resultTypes.map((t) => {
    const e = tensorElementType(t);
    return e ? dtypeOf(e) : undefined;
  });
}

function kernelImpl(opType: string, kernel: Kernel): OpImpl {
  return (op) => {
    const attrs = kernelAttrs(op);
    const ins = onnxPositions(op, "operands");
    const outs = onnxPositions(op, "results");
    const want = resultDTypes(op);
    const call = (args: unknown[]): unknown[] => {
      const inputs = ins.map((i) => (i < 0 ? undefined : (args[i] as Tensor)));
      const produced = kernel(inputs, attrs, outs.length);
      const results = new Array<unknown>(op.results.length);
      outs.forEach((r, p) => {
        if (r < 0) return;
        const t = produced[p];
        if (!t) throw new Error(`${opType} kernel returned ${produced.length} outputs, output #${p} is missing`);
        if (want[r] && t.dtype !== want[r]) throw new Error(`${opType} output #${p} is ${t.dtype}, the op declares ${op.resultTypes[r]!.key}`);
        results[r] = t;
      });
      return results;
    };
    if (opType === "Constant") {
      // Computed once: a run hands out the same (never mutated) tensor, as the graph executor
      // hands out its initializers.
      const value = call([])[0];
      return { scalar: () => value };
    }
    return { run: call };
  };
}

/** `onnx.*` implementations of the "reference" domain (merge with func's to run a module). */
export const onnxImpls: ImplTable = new ImplTable(
  "reference",
  Object.fromEntries(Object.entries(ONNX_KERNELS).map(([opType, k]) => [`onnx.${opType}`, kernelImpl(opType, k)])),
);
