// Validate user inputs against the graph's declared inputs before running.
import type { Tensor } from "@zkmlir/core";
import { OnnxInputError } from "../errors.js";
import type { OnnxGraph } from "../proto/model.js";

/** Throws OnnxInputError on a missing, unknown, wrong-dtype or wrong-shape input. */
export function checkInputs(graph: OnnxGraph, inputs: ReadonlyMap<string, Tensor>, source: string): void {
  const declared = new Set(graph.inputs.map((v) => v.name));
  for (const name of inputs.keys()) {
    if (!declared.has(name)) throw new OnnxInputError(`${source}: '${name}' is not an input of the graph (inputs: ${[...declared].join(", ")})`);
  }
  const symbols = new Map<string, number>(); // one size per symbolic dim name across inputs
  for (const v of graph.inputs) {
    const t = inputs.get(v.name);
    if (!t) throw new OnnxInputError(`${source}: missing input '${v.name}'`);
    if (t.dtype !== v.dtype) throw new OnnxInputError(`${source}: input '${v.name}' is ${t.dtype}, the graph declares ${v.dtype}`);
    if (!v.dims) continue;
    const want = `[${v.dims.join(", ")}]`;
    if (t.rank !== v.dims.length) throw new OnnxInputError(`${source}: input '${v.name}' has shape [${t.shape.join(", ")}], the graph declares ${want}`);
    v.dims.forEach((d, i) => {
      const got = t.shape[i]!;
      if (typeof d === "number" && d !== got) {
        throw new OnnxInputError(`${source}: input '${v.name}' has shape [${t.shape.join(", ")}], the graph declares ${want}`);
      }
      if (typeof d === "string" && d !== "?") {
        const bound = symbols.get(d);
        if (bound !== undefined && bound !== got) {
          throw new OnnxInputError(`${source}: input '${v.name}' dimension ${i} '${d}' is ${got}, another input bound it to ${bound}`);
        }
        symbols.set(d, got);
      }
    });
  }
}
