// `// RUN:` lines of a `.mlir` test: collected (with `\` continuations), tokenized like a shell
// (quotes, no expansion) and split into the tool command and an optional FileCheck stage.

export class RunLineError extends Error {
  override name = "RunLineError";
}

export interface RunCommand {
  /** 1-based line of the RUN directive. */
  line: number;
  /** `not tool ...`: the tool must fail. */
  expectFailure: boolean;
  tool: string;
  toolArgs: string[];
  /** `2>&1`: stderr is piped to FileCheck along with stdout. */
  mergeStderr: boolean;
  /** Arguments of `| FileCheck ...`, or undefined when the output is not checked. */
  fileCheckArgs?: string[];
}

export function collectRunLines(text: string): { line: number; command: string }[] {
  const out: { line: number; command: string }[] = [];
  let pending: { line: number; command: string } | undefined;
  text.split("\n").forEach((l, i) => {
    const m = /\/\/\s*RUN:(.*)$/.exec(l);
    if (!m) return;
    const body = m[1]!.trim();
    const cont = body.endsWith("\\");
    const part = cont ? body.slice(0, -1).trim() : body;
    if (pending) pending.command += " " + part;
    else pending = { line: i + 1, command: part };
    if (!cont) {
      out.push(pending);
      pending = undefined;
    }
  });
  if (pending) out.push(pending);
  return out;
}

/** Shell-like words: single/double quotes group, `|` is its own token. */
export function tokenize(command: string, where: string): string[] {
  const out: string[] = [];
  let cur: string | undefined;
  let quote: string | undefined;
  for (const ch of command) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      cur ??= "";
    } else if (/\s/.test(ch)) {
      if (cur !== undefined) out.push(cur);
      cur = undefined;
    } else if (ch === "|") {
      if (cur !== undefined) out.push(cur);
      cur = undefined;
      out.push("|");
    } else cur = (cur ?? "") + ch;
  }
  if (quote) throw new RunLineError(`${where}: unterminated ${quote} quote in RUN line`);
  if (cur !== undefined) out.push(cur);
  return out;
}

export function parseRunCommand(command: string, line: number, file: string): RunCommand {
  const where = `${file}:${line}`;
  const stages: string[][] = [[]];
  for (const t of tokenize(command, where)) {
    if (t === "|") stages.push([]);
    else stages.at(-1)!.push(t);
  }
  if (stages.length > 2) throw new RunLineError(`${where}: at most one '|' stage (FileCheck) is supported`);
  const first = stages[0]!;
  const expectFailure = first[0] === "not";
  if (expectFailure) first.shift();
  const tool = first.shift();
  if (!tool) throw new RunLineError(`${where}: empty RUN command`);
  const mergeStderr = first.includes("2>&1");
  const toolArgs = first.filter((a) => a !== "2>&1");
  const fc = stages[1];
  if (fc && fc[0] !== "FileCheck") throw new RunLineError(`${where}: only '| FileCheck' can follow the tool, not '${fc[0] ?? ""}'`);
  return { line, expectFailure, tool, toolArgs, mergeStderr, fileCheckArgs: fc?.slice(1) };
}

/** Prefixes given to FileCheck (`--check-prefix=X`, `--check-prefixes=A,B`, `-check-prefix X`). */
export function checkPrefixes(args: readonly string[], where: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const m = /^--?check-prefix(es)?(?:=(.*))?$/.exec(a);
    if (m) {
      const v = m[2] ?? args[++i];
      if (v === undefined) throw new RunLineError(`${where}: ${a} needs a value`);
      out.push(...v.split(","));
    } else if (a !== "%s") throw new RunLineError(`${where}: unsupported FileCheck argument '${a}'`);
  }
  return out.length ? out : ["CHECK"];
}
