// Errors of the pass infrastructure. All are ZkmlirErrors so tools print them as diagnostics.
import { ZkmlirError } from "../ir/diagnostics.js";
import { FileLineColLoc } from "../ir/location.js";

/** Pseudo file name used for positions inside a textual pipeline. */
export const PIPELINE_FILE = "<pass-pipeline>";

/** A malformed pipeline string or an unknown pass/option; located at the offending column. */
export class PipelineParseError extends ZkmlirError {
  override name = "PipelineParseError";
  constructor(message: string, readonly pos: number, readonly pipeline: string) {
    super(message, new FileLineColLoc(PIPELINE_FILE, 1, pos + 1));
  }

  /** The error plus the pipeline with a caret under the offending column. */
  override format(): string {
    return `${super.format()}\n  ${this.pipeline}\n  ${" ".repeat(this.pos)}^`;
  }
}

/** Bad registration or option value given programmatically (not from pipeline text). */
export class PassRegistryError extends ZkmlirError {
  override name = "PassRegistryError";
}
