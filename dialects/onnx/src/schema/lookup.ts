// Typed access to the generated operator table.
import { ONNX_OP_SCHEMAS } from "./ops.generated.js";
import type { OpSchema } from "./types.js";

const BY_KEY = new Map<string, OpSchema>(ONNX_OP_SCHEMAS.map((s) => [`${s.domain}::${s.name}`, s]));

const normDomain = (d: string): string => (d === "" ? "ai.onnx" : d);

/** Current schema of an op ("" and "ai.onnx" are the default domain), or undefined. */
export function getOpSchema(name: string, domain = "ai.onnx"): OpSchema | undefined {
  return BY_KEY.get(`${normDomain(domain)}::${name}`);
}

/** The op version in effect at `opset` (the newest version <= opset), or undefined if none yet. */
export function opVersionAt(name: string, opset: number, domain = "ai.onnx"): number | undefined {
  const versions = getOpSchema(name, domain)?.versions ?? [];
  let found: number | undefined;
  for (const v of versions) if (v <= opset) found = v;
  return found;
}

/** The newest default-domain opset the table describes. */
export const LATEST_ONNX_OPSET: number = Math.max(
  ...ONNX_OP_SCHEMAS.filter((s) => s.domain === "ai.onnx").map((s) => s.since_version),
);
