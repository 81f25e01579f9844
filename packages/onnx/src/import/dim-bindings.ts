// Symbolic dimensions ("batch_size") get one size each: the user's binding, else the size seen in
// the given input data, else 1. Dims the model leaves unnamed ("?") take the data's size, else 1.
import type { Tensor } from "@zkmlir/core";
import { OnnxInputError } from "../errors.js";
import type { Dim, OnnxGraph } from "../proto/model.js";

export interface DimBindingOptions {
  /** Sizes of symbolic dims by name (`--input-shape batch_size=1`). */
  readonly dims?: ReadonlyMap<string, number> | Readonly<Record<string, number>>;
  /** Input data by graph input name; their shapes bind symbolic dims and unknown shapes. */
  readonly inputs?: ReadonlyMap<string, Tensor>;
  /** Size of a symbolic dim bound by neither (default 1). */
  readonly defaultDim?: number;
}

export interface BoundShapes {
  /** Static shape of each graph input (undefined: unknown rank and no data). */
  readonly inputs: ReadonlyMap<string, readonly number[] | undefined>;
  /** Size of every symbolic dim name. */
  readonly symbols: ReadonlyMap<string, number>;
}

const toMap = (m: DimBindingOptions["dims"]): Map<string, number> =>
  m instanceof Map ? new Map(m) : new Map(Object.entries(m ?? {}));

/** Binds every graph input's dims to sizes; throws OnnxInputError on conflicts. */
export function bindInputShapes(graph: OnnxGraph, source: string, opts: DimBindingOptions = {}): BoundShapes {
  const user = toMap(opts.dims);
  for (const [name, n] of user) {
    if (!Number.isInteger(n) || n < 0) throw new OnnxInputError(`${source}: dimension '${name}' bound to ${n}, expected a non-negative integer`);
  }
  const symbols = new Map(user);
  const seen = new Set<string>();
  for (const v of graph.inputs) for (const d of v.dims ?? []) if (typeof d === "string") seen.add(d);
  for (const name of user.keys()) {
    if (!seen.has(name)) throw new OnnxInputError(`${source}: --input-shape names '${name}', which no graph input uses (symbolic dims: ${[...seen].filter((s) => s !== "?").join(", ") || "none"})`);
  }
  // Data binds symbols first (so a later input cannot silently default them).
  for (const v of graph.inputs) {
    const t = opts.inputs?.get(v.name);
    if (!t || !v.dims) continue;
    if (t.rank !== v.dims.length) throw new OnnxInputError(`${source}: input '${v.name}' has shape [${t.shape.join(", ")}], the graph declares [${v.dims.join(", ")}]`);
    v.dims.forEach((d, i) => {
      if (typeof d !== "string" || d === "?") return;
      const got = t.shape[i]!;
      const bound = symbols.get(d);
      if (bound !== undefined && bound !== got) {
        throw new OnnxInputError(`${source}: input '${v.name}' dimension ${i} '${d}' is ${got}, but '${d}' is bound to ${bound}`);
      }
      symbols.set(d, got);
    });
  }
  const dflt = opts.defaultDim ?? 1;
  const inputs = new Map<string, readonly number[] | undefined>();
  for (const v of graph.inputs) {
    const t = opts.inputs?.get(v.name);
    if (!v.dims) {
      inputs.set(v.name, t?.shape);
      continue;
    }
    inputs.set(v.name, v.dims.map((d, i) => {
      if (typeof d === "number") return d;
      if (d === "?") return t?.shape[i] ?? dflt;
      if (!symbols.has(d)) symbols.set(d, dflt);
      return symbols.get(d)!;
    }));
  }
  return { inputs, symbols };
}

/** Dims of a declared value (e.g. a graph output) with bound symbols; unknown ones stay dynamic (-1). */
export function bindDims(dims: readonly Dim[], symbols: ReadonlyMap<string, number>): number[] {
  return dims.map((d) => (typeof d === "number" ? d : symbols.get(d) ?? -1));
}
