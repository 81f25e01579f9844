// Errors of the ONNX-to-linalg lowering. Messages name the op and its ONNX node (location).
import { ZkmlirError, type Location, type Operation } from "@zkmlir/core";

/** An ONNX op this lowering cannot convert as written (dynamic shape, unsupported attribute, ...). */
export class OnnxLoweringError extends ZkmlirError {
  override name = "OnnxLoweringError";
}

/** Where an op came from, for messages: the ONNX node name when the importer recorded one. */
export function siteOf(loc: Location): string {
  return loc.diagnosticPrefix() ?? loc.toString();
}

export function loweringError(op: Operation, why: string): OnnxLoweringError {
  return new OnnxLoweringError(`${siteOf(op.loc)}: cannot lower '${op.name}': ${why}`, op.loc);
}
