// Executes one RUN command of a `.mlir` test in-process: the tool gets its arguments and input
// through a ToolIO (no shell, no child process); its output is checked with fileCheck.
import { readFileSync } from "node:fs";
import { fileCheck } from "../filecheck/matcher.js";
import { checkPrefixes, RunLineError, type RunCommand } from "./run-lines.js";

export interface ToolIO {
  /** Text read for the input file `-`. */
  stdin?: string;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** A tool's main function: returns the exit code. */
export type Tool = (args: string[], io: ToolIO) => number | Promise<number>;

export interface RunOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `cmd` on `file`. With `input` (a split chunk), the tool reads it as stdin (`%s` -> `-`)
 * and FileCheck reads its directives from the chunk; otherwise both use the file itself.
 */
export async function runMlirCommand(cmd: RunCommand, file: string, tools: Readonly<Record<string, Tool>>, input?: string): Promise<RunOutcome> {
  const where = `${file}:${cmd.line}`;
  const tool = tools[cmd.tool];
  if (!tool) throw new RunLineError(`${where}: unknown tool '${cmd.tool}' (known: ${Object.keys(tools).join(", ")})`);
  const args = cmd.toolArgs.map((a) => (a === "%s" ? (input !== undefined ? "-" : file) : a));
  let stdout = "";
  let stderr = "";
  const exitCode = await tool(args, {
    stdin: input,
    stdout: (t) => void (stdout += t),
    stderr: (t) => {
      stderr += t;
      if (cmd.mergeStderr) stdout += t;
    },
  });
  const shown = `exit code ${exitCode}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`;
  if (cmd.expectFailure ? exitCode === 0 : exitCode !== 0) {
    throw new RunLineError(`${where}: '${cmd.tool}' ${cmd.expectFailure ? "was expected to fail but succeeded" : "failed"}: ${shown}`);
  }
  if (cmd.fileCheckArgs) {
    const prefixes = checkPrefixes(cmd.fileCheckArgs, where);
    const checkText = input ?? readFileSync(file, "utf8");
    try {
      fileCheck(checkText, stdout, { prefixes, checkFile: file });
    } catch (e) {
      throw new RunLineError(`${(e as Error).message}\n\n--- full output (${where}) ---\n${stdout}${cmd.mergeStderr ? "" : `\n--- stderr ---\n${stderr}`}`);
    }
  }
  return { exitCode, stdout, stderr };
}
