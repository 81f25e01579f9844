// INDEX.tsv of the backend test data: `path<TAB>op`, the main operator each case tests.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface IndexedCase {
  /** Absolute path of the case folder. */
  readonly dir: string;
  readonly op: string;
}

/** Cases of `testsRoot/INDEX.tsv` whose op is in `ops` (all cases when `ops` is omitted). */
export function indexedCases(testsRoot: string, ops?: readonly string[]): IndexedCase[] {
  const wanted = ops ? new Set(ops) : undefined;
  return readFileSync(join(testsRoot, "INDEX.tsv"), "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"))
    .filter((cols): cols is [string, string] => cols.length >= 2 && cols[0] !== "")
    .filter(([, op]) => !wanted || wanted.has(op))
    .map(([path, op]) => ({ dir: join(testsRoot, path), op }));
}
