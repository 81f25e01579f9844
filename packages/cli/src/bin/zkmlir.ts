#!/usr/bin/env node
import { runZkmlir } from "../zkmlir/main.js";
import { processIO } from "./process-io.js";

process.exitCode = await runZkmlir(process.argv.slice(2), processIO);
