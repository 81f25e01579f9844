// onnxruntime-node as the float oracle: run a model's bytes on zkmlir Tensors (in a worker thread,
// see ort-worker.ts for why).
import { Worker } from "node:worker_threads";
import { Tensor, type DType, type TypedData } from "@zkmlir/core";
import { onnx } from "../../src/proto/onnx-proto.js";
import type { OrtReply, OrtRequest } from "./ort-worker.js";

const ORT_TYPE: Readonly<Record<DType, string>> = {
  f32: "float32", f64: "float64", i8: "int8", i16: "int16", i32: "int32", i64: "int64", u8: "uint8", i1: "bool",
};

function typedOf(dtype: DType, data: ArrayLike<number | bigint>): TypedData {
  switch (dtype) {
    case "f32": return Float32Array.from(data as ArrayLike<number>);
    case "f64": return Float64Array.from(data as ArrayLike<number>);
    case "i8": return Int8Array.from(data as ArrayLike<number>);
    case "i16": return Int16Array.from(data as ArrayLike<number>);
    case "i32": return Int32Array.from(data as ArrayLike<number>);
    case "i64": return BigInt64Array.from(data as ArrayLike<bigint>);
    case "u8": case "i1": return Uint8Array.from(data as ArrayLike<number>, (v) => (dtype === "i1" ? (v ? 1 : 0) : v));
  }
}

/** Outputs by name, in the session's output order. */
export async function runOrt(model: Uint8Array, inputs: ReadonlyMap<string, Tensor>): Promise<Map<string, Tensor>> {
  const req: OrtRequest = {
    model,
    inputs: [...inputs].map(([name, t]) => ({ name, type: ORT_TYPE[t.dtype], dims: [...t.shape], data: t.data })),
  };
  const worker = new Worker(new URL("./ort-worker.js", import.meta.url));
  try {
    const reply = await new Promise<OrtReply>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.postMessage(req);
    });
    if (!reply.ok) throw new Error(`onnxruntime: ${reply.error}`);
    return new Map(reply.outputs.map((o) => {
      const dtype = (Object.entries(ORT_TYPE).find(([, n]) => n === o.type)?.[0] ?? "") as DType;
      if (!dtype) throw new Error(`onnxruntime returned unsupported type ${o.type}`);
      return [o.name, new Tensor(dtype, o.dims, typedOf(dtype, o.data))];
    }));
  } finally {
    await worker.terminate();
  }
}

/** The same model with its default-domain opset import replaced (see the test using it for why). */
export function withOpset(model: Uint8Array, version: number): Uint8Array {
  const m = onnx.ModelProto.decode(model);
  for (const op of m.opsetImport) if (!op.domain || op.domain === "ai.onnx") op.version = version;
  return onnx.ModelProto.encode(m).finish();
}

/**
 * The same model computing its int8 values in float32: int8 Cast targets and int8 initializers
 * become float32. Used only for tree models whose int8 MatMul onnxruntime has no kernel for; their
 * int8 values are small integers (0/1 masks, node ids), exact in float32, so results are unchanged.
 */
export function int8AsFloat(model: Uint8Array): Uint8Array {
  const m = onnx.ModelProto.decode(model);
  const INT8 = 3, FLOAT = 1;
  for (const node of m.graph?.node ?? []) {
    if (node.opType !== "Cast") continue;
    for (const a of node.attribute ?? []) if (a.name === "to" && Number(a.i) === INT8) a.i = FLOAT;
  }
  for (const t of m.graph?.initializer ?? []) {
    if (t.dataType !== INT8) continue;
    const values = t.rawData && t.rawData.length > 0 ? Array.from(new Int8Array(Uint8Array.from(t.rawData).buffer)) : (t.int32Data ?? []);
    t.dataType = FLOAT;
    t.rawData = new Uint8Array(Float32Array.from(values).buffer);
    t.int32Data = [];
  }
  return onnx.ModelProto.encode(m).finish();
}
