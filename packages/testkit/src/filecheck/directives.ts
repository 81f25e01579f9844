// Reads FileCheck directives (`CHECK:`, `CHECK-NEXT:`, ... for each prefix) from a check file.

export type DirectiveKind = "CHECK" | "NEXT" | "SAME" | "NOT" | "LABEL" | "DAG" | "EMPTY";

export interface Directive {
  kind: DirectiveKind;
  /** The prefix as written (`CHECK`, `FOO`), for messages. */
  prefix: string;
  pattern: string;
  /** 1-based line and column of the directive in the check file. */
  line: number;
  col: number;
}

const SUFFIX: Record<string, DirectiveKind> = { "": "CHECK", "-NEXT": "NEXT", "-SAME": "SAME", "-NOT": "NOT", "-LABEL": "LABEL", "-DAG": "DAG", "-EMPTY": "EMPTY" };

export class FileCheckError extends Error {
  override name = "FileCheckError";
}

export function parseDirectives(checkText: string, prefixes: readonly string[], checkFile = "check"): Directive[] {
  for (const p of prefixes) {
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(p)) throw new FileCheckError(`invalid check prefix '${p}'`);
  }
  const alt = prefixes.map((p) => p.replace(/[-]/g, "\\-")).join("|");
  const re = new RegExp(`(?<![A-Za-z0-9_-])(${alt})(-NEXT|-SAME|-NOT|-LABEL|-DAG|-EMPTY)?:`, "g");
  const out: Directive[] = [];
  checkText.split("\n").forEach((text, i) => {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (!m) return;
    const kind = SUFFIX[m[2] ?? ""]!;
    const pattern = text.slice(m.index + m[0].length).trim();
    const d: Directive = { kind, prefix: m[1]!, pattern, line: i + 1, col: m.index + 1 };
    if (kind !== "EMPTY" && pattern === "") {
      throw new FileCheckError(`${checkFile}:${d.line}:${d.col}: error: found empty check string with prefix '${m[1]}${m[2] ?? ""}:'`);
    }
    if (kind === "EMPTY" && pattern !== "") {
      throw new FileCheckError(`${checkFile}:${d.line}:${d.col}: error: ${m[1]}-EMPTY takes no pattern`);
    }
    out.push(d);
  });
  if (!out.length) throw new FileCheckError(`error: no check strings found with prefix${prefixes.length > 1 ? "es" : ""} ${prefixes.map((p) => `'${p}:'`).join(", ")}`);
  if (out[0]!.kind === "NEXT" || out[0]!.kind === "SAME" || out[0]!.kind === "EMPTY") {
    const d = out[0]!;
    throw new FileCheckError(`${checkFile}:${d.line}:${d.col}: error: found '${d.prefix}-${d.kind}' without previous '${d.prefix}: line`);
  }
  return out;
}
