// The FileCheck algorithm: LABELs split the input into blocks; within a block CHECKs match in
// order, NEXT/SAME/EMPTY constrain the line of a match, DAGs match in any order between their
// neighbours, and NOTs must not match between the surrounding matches.
import { FileCheckError, parseDirectives, type Directive } from "./directives.js";
import { compilePattern } from "./pattern.js";

export interface FileCheckOptions {
  /** Default `["CHECK"]`. */
  prefixes?: readonly string[];
  /** Names used in messages. */
  checkFile?: string;
  inputFile?: string;
}

interface Match {
  start: number;
  end: number;
}

class Input {
  readonly lineStarts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === "\n") this.lineStarts.push(i + 1);
  }
  lineOf(pos: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  lineText(line: number): string {
    const s = this.lineStarts[line] ?? this.text.length;
    const e = this.text.indexOf("\n", s);
    return this.text.slice(s, e < 0 ? this.text.length : e);
  }
}

/** Checks `input` against the directives in `checkText`; throws FileCheckError on mismatch. */
export function fileCheck(checkText: string, input: string, opts: FileCheckOptions = {}): void {
  new Checker(checkText, input, opts).run();
}

class Checker {
  private readonly directives: Directive[];
  private readonly input: Input;
  private readonly vars = new Map<string, string>();
  private readonly checkLines: string[];
  private readonly checkFile: string;
  private readonly inputFile: string;

  constructor(checkText: string, input: string, opts: FileCheckOptions) {
    this.checkFile = opts.checkFile ?? "check";
    this.inputFile = opts.inputFile ?? "<stdin>";
    this.directives = parseDirectives(checkText, opts.prefixes ?? ["CHECK"], this.checkFile);
    this.checkLines = checkText.split("\n");
    this.input = new Input(input);
  }

  private name(d: Directive): string {
    return d.kind === "CHECK" ? d.prefix : `${d.prefix}-${d.kind}`;
  }

  private fail(d: Directive, msg: string, scanFrom: number, extra = ""): never {
    const line = this.input.lineOf(Math.min(scanFrom, this.input.text.length));
    const col = Math.min(scanFrom, this.input.text.length) - this.input.lineStarts[line]! + 1;
    throw new FileCheckError(
      `${this.checkFile}:${d.line}:${d.col}: error: ${this.name(d)}: ${msg}\n${this.checkLines[d.line - 1] ?? ""}\n` +
        `${this.inputFile}:${line + 1}:${col}: note: ${extra || "scanning from here"}\n${this.input.lineText(line)}`,
    );
  }

  /** First match of `d` in [from, to), binding its variables when `bind`. */
  private find(d: Directive, from: number, to: number, bind = true): Match | undefined {
    const where = `${this.checkFile}:${d.line}:${d.col}`;
    const { regex, defs } = compilePattern(d.pattern, this.vars, where);
    regex.lastIndex = from;
    for (let m = regex.exec(this.input.text); m; m = regex.exec(this.input.text)) {
      if (m.index + m[0].length > to) return undefined;
      if (m[0].length === 0 && d.pattern !== "") {
        regex.lastIndex++;
        continue;
      }
      if (bind) for (const [name, g] of defs) this.vars.set(name, m[g] ?? "");
      return { start: m.index, end: m.index + m[0].length };
    }
    return undefined;
  }

  run(): void {
    const text = this.input.text;
    // LABELs first: each must match after the previous one; they delimit the blocks.
    const blocks: { directives: Directive[]; from: number; to: number }[] = [];
    let cur: Directive[] = [];
    let from = 0;
    const labels: { d: Directive; m: Match }[] = [];
    for (const d of this.directives) {
      if (d.kind !== "LABEL") continue;
      const m = this.find(d, labels.at(-1)?.m.end ?? 0, text.length, false);
      if (!m) this.fail(d, "expected string not found in input", labels.at(-1)?.m.end ?? 0);
      labels.push({ d, m });
    }
    let li = 0;
    for (const d of this.directives) {
      if (d.kind === "LABEL") {
        const { m } = labels[li++]!;
        blocks.push({ directives: cur, from, to: m.start });
        cur = [d];
        from = m.start;
      } else cur.push(d);
    }
    blocks.push({ directives: cur, from, to: text.length });
    for (const b of blocks) this.checkBlock(b.directives, b.from, b.to);
  }

  private checkBlock(ds: Directive[], from: number, to: number): void {
    let pos = from;
    let last: Match | undefined;
    let nots: Directive[] = [];
    let dagMatches: Match[] = [];
    const checkNots = (start: number, end: number): void => {
      for (const n of nots) {
        const m = this.find(n, start, end, false);
        if (m) this.fail(n, "excluded string found in input", m.start, "found here");
      }
      nots = [];
    };
    for (let i = 0; i < ds.length; i++) {
      const d = ds[i]!;
      if (d.kind === "NOT") {
        nots.push(d);
        continue;
      }
      if (d.kind === "DAG") {
        // A DAG may not overlap other matches of its group; try successive matches.
        let scan = pos;
        let m: Match | undefined;
        for (;;) {
          m = this.find(d, scan, to);
          if (!m || !dagMatches.some((x) => m!.start < x.end && x.start < m!.end)) break;
          scan = m.start + 1;
        }
        if (!m) this.fail(d, "expected string not found in input", pos);
        checkNots(pos, m.start);
        dagMatches.push(m);
        const nextIsDag = ds[i + 1]?.kind === "DAG";
        if (!nextIsDag) {
          pos = Math.max(...dagMatches.map((x) => x.end));
          last = { start: Math.min(...dagMatches.map((x) => x.start)), end: pos };
          dagMatches = [];
        }
        continue;
      }
      if (d.kind === "EMPTY") {
        const prevLine = last ? this.input.lineOf(last.end) : this.input.lineOf(pos);
        const line = prevLine + 1;
        if (line >= this.input.lineStarts.length || this.input.lineText(line) !== "") {
          this.fail(d, "is not on the line after the previous match", this.input.lineStarts[Math.min(line, this.input.lineStarts.length - 1)]!);
        }
        const start = this.input.lineStarts[line]!;
        checkNots(pos, start);
        last = { start, end: start };
        pos = start;
        continue;
      }
      const m = this.find(d, d.kind === "LABEL" ? from : pos, to);
      if (!m) this.fail(d, "expected string not found in input", pos);
      if ((d.kind === "NEXT" || d.kind === "SAME") && last) {
        const prevLine = this.input.lineOf(last.end);
        const line = this.input.lineOf(m.start);
        if (d.kind === "NEXT" && line !== prevLine + 1) {
          this.fail(d, line === prevLine ? "is on the same line as previous match" : "is not on the line after the previous match", m.start, "'next' match was here");
        }
        if (d.kind === "SAME" && line !== prevLine) this.fail(d, "is not on the same line as the previous match", m.start, "'same' match was here");
      }
      checkNots(pos, m.start);
      last = m;
      pos = m.end;
    }
    checkNots(pos, to);
  }
}
