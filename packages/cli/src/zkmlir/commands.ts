// The `zkmlir` subcommand registry: packages add `run`, `compile`, `prove`, ... here.
import type { ToolIO } from "@zkmlir/testkit";

export interface ZkmlirCommand {
  name: string;
  summary: string;
  /** Runs with the arguments after the subcommand name; returns the exit code. */
  run(args: string[], io: ToolIO): number | Promise<number>;
}

const commands = new Map<string, ZkmlirCommand>();

export function registerCommand(cmd: ZkmlirCommand): void {
  if (commands.has(cmd.name)) throw new Error(`zkmlir command '${cmd.name}' is already registered`);
  commands.set(cmd.name, cmd);
}

export function lookupCommand(name: string): ZkmlirCommand | undefined {
  return commands.get(name);
}

export function listCommands(): ZkmlirCommand[] {
  return [...commands.values()].sort((a, b) => a.name.localeCompare(b.name));
}
