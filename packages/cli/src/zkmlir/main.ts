// `zkmlir <command> [args]`: dispatches to a registered subcommand; `zkmlir --help` lists them.
import type { ToolIO } from "@zkmlir/testkit";
import { runOpt } from "../opt/run-opt.js";
import { listCommands, lookupCommand, registerCommand } from "./commands.js";
import { runCommand } from "../commands/run.js";
import { onnxTestCommand } from "../commands/onnx-test.js";
import { proverBenchCommand, verifyCommand } from "../commands/prover.js";
import { compileCommand } from "../commands/compile.js";

registerCommand(compileCommand);
registerCommand(proverBenchCommand);
registerCommand(verifyCommand);
registerCommand({ name: "opt", summary: "run passes on MLIR text (same as zkmlir-opt)", run: (args, io) => runOpt(args, io) });
registerCommand(runCommand);
registerCommand(onnxTestCommand);

export function zkmlirHelp(): string {
  const rows = listCommands().map((c) => `  ${c.name.padEnd(16)} ${c.summary}`);
  return ["USAGE: zkmlir <command> [options]", "", "COMMANDS:", ...rows, "", "Run 'zkmlir <command> --help' for a command's options."].join("\n") + "\n";
}

export async function runZkmlir(argv: readonly string[], io: ToolIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(zkmlirHelp());
    return name === undefined ? 1 : 0;
  }
  const cmd = lookupCommand(name);
  if (!cmd) {
    io.stderr(`error: unknown command '${name}'\n${zkmlirHelp()}`);
    return 1;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    io.stderr(`error: internal: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}
