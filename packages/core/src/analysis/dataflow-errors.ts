// Errors of the dataflow framework: a clear message naming the analysis and the op.
import { ZkmlirError } from "../ir/diagnostics.js";

export class DataflowError extends ZkmlirError {
  override name = "DataflowError";
}
