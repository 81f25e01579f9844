// The `.mlir` RUN-line tests of packages/core/test/mlir, run in-process through zkmlir-opt.
import { fileURLToPath } from "node:url";
import { describeMlirTests } from "@zkmlir/testkit";
import { runOpt } from "../src/index.js";
import { cliTestRegistry } from "./test-passes.js";

const registry = cliTestRegistry();
// dist/test/ -> packages/core/test/mlir
const dir = fileURLToPath(new URL("../../../core/test/mlir", import.meta.url));
describeMlirTests(dir, { tools: { "zkmlir-opt": (args, io) => runOpt(args, io, { registry }) } });
