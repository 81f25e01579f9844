// Reading back what the importer put in an op's location: the model file, node index and name.
import { FileLineColLoc, NameLoc, type Location } from "@zkmlir/core";

export interface NodeSite {
  readonly file?: string;
  /** 0-based node index, when the location is a node's. */
  readonly index?: number;
  readonly name?: string;
}

/** Inverse of the importer's `loc("name"("file":N:0))` (N = node index + 1; 0 for non-nodes). */
export function nodeSiteOf(loc: Location | undefined): NodeSite {
  const named = loc instanceof NameLoc ? loc : undefined;
  const file = named ? named.child : loc;
  if (!(file instanceof FileLineColLoc)) return named ? { name: named.name } : {};
  return { file: file.file, ...(file.line > 0 ? { index: file.line - 1 } : {}), ...(named ? { name: named.name } : {}) };
}

/** `file: node 3 "conv1" (Conv)` for an op of type `opType` at `loc` (as describeNode). */
export function describeSite(loc: Location | undefined, opType: string): string {
  const s = nodeSiteOf(loc);
  const node = s.index !== undefined ? `node ${s.index}${s.name ? ` "${s.name}"` : ""}` : s.name ? `"${s.name}"` : "function";
  return `${s.file ? `${s.file}: ` : ""}${node} (${opType})`;
}
