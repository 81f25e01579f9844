// @zkmlir/cli: the `zkmlir` and `zkmlir-opt` entry points, callable in-process.
export { runOpt, type RunOptOptions } from "./opt/run-opt.js";
export { parseOptArgs, optHelp, UsageError, type OptArgs } from "./opt/opt-args.js";
export { createOptContext, OPT_DIALECTS } from "./opt/opt-context.js";
export { registerCommand, lookupCommand, listCommands, type ZkmlirCommand } from "./zkmlir/commands.js";
export { runZkmlir, zkmlirHelp } from "./zkmlir/main.js";
