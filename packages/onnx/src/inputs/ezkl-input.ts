// EZKL's input.json: `input_data` holds one flattened list per graph input, in order, written as
// floats even for int64/bool inputs. Shapes come from the graph; symbolic dims are inferred from
// the data length (the first symbolic dim takes what is left, the others are 1). Booleans are
// accepted as 1/0.
import { readFileSync } from "node:fs";
import { Tensor, type DType } from "@zkmlir/core";
import { OnnxInputError } from "../errors.js";
import type { OnnxGraph, OnnxValueInfo } from "../proto/model.js";

/** Parse an EZKL input.json text against the graph's declared inputs. */
export function parseEzklInput(text: string, graph: OnnxGraph, source = "input.json"): Map<string, Tensor> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new OnnxInputError(`${source}: not valid JSON (${(e as Error).message})`);
  }
  const data = (json as { input_data?: unknown } | null)?.input_data;
  if (!Array.isArray(data) || !data.every(Array.isArray)) {
    throw new OnnxInputError(`${source}: input_data must be a list of lists of numbers`);
  }
  const lists = (data as unknown[][]).filter((l, i) => !(graph.inputs.length === 0 && i === 0 && l.length === 0));
  if (lists.length !== graph.inputs.length) {
    throw new OnnxInputError(`${source}: input_data has ${lists.length} lists, the graph has ${graph.inputs.length} inputs`);
  }
  return new Map(graph.inputs.map((v, i) => [v.name, toTensor(lists[i]!, v, `${source}: input ${i} '${v.name}'`)]));
}

/** Read an EZKL input.json file. */
export function loadEzklInput(path: string, graph: OnnxGraph): Map<string, Tensor> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new OnnxInputError(`cannot read ${path}: ${(e as Error).message}`);
  }
  return parseEzklInput(text, graph, path);
}

function toTensor(values: unknown[], v: OnnxValueInfo, where: string): Tensor {
  const nums = values.map((x, k) => {
    if (typeof x === "boolean") return x ? 1 : 0; // bool inputs are sometimes written as true/false
    if (typeof x !== "number") throw new OnnxInputError(`${where}: element ${k} is not a number`);
    return x;
  });
  const shape = resolveShape(v, nums.length, where);
  return Tensor.fromArray(v.dtype, shape, nums.map((x, k) => convert(x, v.dtype, `${where}: element ${k}`)));
}

function resolveShape(v: OnnxValueInfo, n: number, where: string): number[] {
  if (!v.dims) return [n];
  const known = v.dims.reduce<number>((p, d) => (typeof d === "number" ? p * d : p), 1);
  const firstSymbolic = v.dims.findIndex((d) => typeof d === "string");
  const shape = v.dims.map((d, i) => (typeof d === "number" ? d : i === firstSymbolic ? (known === 0 ? 0 : n / known) : 1));
  const size = shape.reduce((a, b) => a * b, 1);
  if (!shape.every(Number.isInteger) || size !== n) {
    throw new OnnxInputError(`${where}: ${n} values do not fit shape [${v.dims.join(", ")}]`);
  }
  return shape;
}

/** Value ranges of the integer dtypes (i64 is limited by JSON numbers being doubles). */
const INT_RANGE: Partial<Record<DType, readonly [number, number]>> = {
  i8: [-128, 127], u8: [0, 255], i16: [-32768, 32767], i32: [-(2 ** 31), 2 ** 31 - 1],
  i64: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

function convert(x: number, dtype: DType, where: string): number | bigint {
  if (dtype === "f32" || dtype === "f64") return x;
  if (!Number.isInteger(x)) throw new OnnxInputError(`${where}: ${x} is not an integer (input is ${dtype})`);
  if (dtype === "i1") return x !== 0 ? 1 : 0;
  const [lo, hi] = INT_RANGE[dtype]!;
  if (x < lo || x > hi) throw new OnnxInputError(`${where}: ${x} is out of range for ${dtype}`);
  return dtype === "i64" ? BigInt(x) : x;
}
