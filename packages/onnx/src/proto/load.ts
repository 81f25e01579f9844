// File loaders: an ONNX model, a `.pb` TensorProto.
import { readFileSync } from "node:fs";
import type { Tensor } from "@zkmlir/core";
import { OnnxDecodeError } from "../errors.js";
import { decodeModel } from "./decode-model.js";
import type { OnnxModel } from "./model.js";
import { decodeTensor } from "./tensor-proto.js";

function readBytes(path: string, what: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new OnnxDecodeError(`cannot read ${what} ${path}: ${(e as Error).message}`);
  }
}

/** Read and decode an ONNX model file. */
export function loadModel(path: string): OnnxModel {
  return decodeModel(readBytes(path, "model"), path);
}

/** Read a serialized TensorProto (`input_0.pb`). */
export function loadTensor(path: string): Tensor {
  return decodeTensor(readBytes(path, "tensor file"), path);
}
