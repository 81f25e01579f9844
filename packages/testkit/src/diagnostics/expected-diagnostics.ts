// `--verify-diagnostics`: `// expected-error {{msg}}` annotations in the input (same line,
// `@+N`/`@-N` relative, `@above`/`@below` the nearest non-annotation line, `@N` absolute) must
// match the emitted diagnostics one for one, as MLIR's SourceMgrDiagnosticVerifierHandler.

export type Severity = "error" | "warning" | "note" | "remark";

export interface EmittedDiagnostic {
  severity: Severity;
  message: string;
  /** 1-based line/column, when the diagnostic has a file location. */
  line?: number;
  col?: number;
}

export interface ExpectedDiagnostic {
  severity: Severity;
  /** Substring the message must contain. */
  text: string;
  /** Target line (1-based) and where the annotation itself is. */
  line: number;
  annotationLine: number;
}

export class DiagnosticAnnotationError extends Error {
  override name = "DiagnosticAnnotationError";
}

const ANNOTATION = /expected-(error|warning|note|remark)\s*(?:@(above|below|[+-]\d+|\d+))?\s*\{\{(.*?)\}\}/g;

export function parseExpectedDiagnostics(text: string, file = "-"): ExpectedDiagnostic[] {
  const lines = text.split("\n");
  const isAnnotationOnly = (l: string) => /^\s*\/\/.*expected-(error|warning|note|remark)/.test(l);
  const out: ExpectedDiagnostic[] = [];
  lines.forEach((l, i) => {
    const at = i + 1;
    for (const m of l.matchAll(ANNOTATION)) {
      const where = m[2];
      let line = at;
      if (where === "below" || where === "above") {
        const step = where === "below" ? 1 : -1;
        let j = i + step;
        while (j >= 0 && j < lines.length && isAnnotationOnly(lines[j]!)) j += step;
        if (j < 0 || j >= lines.length) throw new DiagnosticAnnotationError(`${file}:${at}: expected-${m[1]}@${where} has no line ${where} it`);
        line = j + 1;
      } else if (where?.startsWith("+") || where?.startsWith("-")) line = at + Number.parseInt(where, 10);
      else if (where !== undefined) line = Number.parseInt(where, 10);
      if (line < 1 || line > lines.length) throw new DiagnosticAnnotationError(`${file}:${at}: expected-${m[1]} refers to line ${line}, outside the file`);
      out.push({ severity: m[1] as Severity, text: m[3]!, line, annotationLine: at });
    }
  });
  return out;
}

/** Problems as `file:line: error: ...` lines; empty when every diagnostic was expected and produced. */
export function verifyDiagnostics(expected: readonly ExpectedDiagnostic[], emitted: readonly EmittedDiagnostic[], file = "-"): string[] {
  const pending = [...expected];
  const problems: string[] = [];
  for (const d of emitted) {
    const i = pending.findIndex((e) => e.severity === d.severity && e.line === d.line && d.message.includes(e.text));
    if (i >= 0) {
      pending.splice(i, 1);
      continue;
    }
    const where = d.line !== undefined ? `${file}:${d.line}:${d.col ?? 1}` : file;
    problems.push(`${where}: error: unexpected ${d.severity}: ${d.message}`);
  }
  for (const e of pending) {
    problems.push(`${file}:${e.annotationLine}: error: expected ${e.severity} "${e.text}" (for line ${e.line}) was not produced`);
  }
  return problems;
}
