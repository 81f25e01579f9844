// Commander-based argument parsing for `zkmlir` subcommands, reporting usage errors through
// ToolIO instead of exiting the process.
import { Command, CommanderError } from "commander";
import type { ToolIO } from "@zkmlir/testkit";

export class UsageError extends Error {
  constructor(message: string, readonly exitCode: number, readonly helpShown: boolean) { super(message); }
}

/** Parses `args` with `cmd`; throws UsageError (with the text already written to io) on --help or bad usage. */
export function parseArgs(cmd: Command, args: string[], io: ToolIO): Command {
  cmd.exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  try {
    cmd.parse(args, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) throw new UsageError(e.message, e.exitCode, e.code === "commander.helpDisplayed");
    throw e;
  }
  return cmd;
}
