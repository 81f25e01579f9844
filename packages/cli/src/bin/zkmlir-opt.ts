#!/usr/bin/env node
import { runOpt } from "../opt/run-opt.js";
import { processIO } from "./process-io.js";

process.exitCode = runOpt(process.argv.slice(2), processIO);
