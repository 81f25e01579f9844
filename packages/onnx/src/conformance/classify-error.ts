// Map an error thrown while loading or running a case to UNSUPPORTED (a known gap) or FAIL (a bug).
import { UnsupportedDataTypeError, UnsupportedOpError, UnsupportedOpsetError } from "../errors.js";
import type { CaseResult } from "./case-result.js";

export function resultOfError(name: string, e: unknown): CaseResult {
  const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const unsupported = e instanceof UnsupportedDataTypeError || e instanceof UnsupportedOpError
    || e instanceof UnsupportedOpsetError;
  return { name, status: unsupported ? "UNSUPPORTED" : "FAIL", reason: oneLine(msg) };
}

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, " ");
  return flat.length > 300 ? `${flat.slice(0, 300)}...` : flat;
}
