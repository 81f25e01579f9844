import {
  Context, BuiltinDialect, parseModule, printOp, PassManager, PassExecutionError, ZkmlirError, parsePassPipeline,
  IRPrintingInstrumentation, PassTimingInstrumentation, passStatisticsReport, VerifyError, type Operation,
} from "../src/index.js";
import { testRegistry, RecordPass } from "./pass-test-passes.js";

const ctx = new Context({ dialects: [BuiltinDialect], allowUnregistered: true });
const registry = testRegistry();
const verifier = (op: Operation) =>
  op.walk((o) => {
    if (o.name === "test.invalid") throw new VerifyError("'test.invalid' op is never valid", o.loc);
  });

const SRC = `
"test.func"() ({
  "test.dead"() : () -> ()
  "test.keep"() : () -> ()
}) {sym_name = "f"} : () -> ()
"test.other"() : () -> ()
"test.func"() ({
  "test.dead"() : () -> ()
}) {sym_name = "g"} : () -> ()
`;

function manager(pipeline: string, verifyEach = true): PassManager {
  const pm = new PassManager(ctx, "builtin.module", { verifyEach, verifier });
  return pm.addPipeline(parsePassPipeline(pipeline, { registry, defaultAnchor: "builtin.module" }));
}
const mod = () => parseModule(SRC, { context: ctx, file: "in.mlir" });

beforeEach(() => {
  RecordPass.log = [];
});

test("nested managers run on every matching op directly under the anchor", () => {
  const m = mod();
  manager("builtin.module(record{tag=m},test.func(record{tag=f},erase-dead),record{tag=end})").run(m);
  expect(RecordPass.log).toEqual(["m:builtin.module", "f:test.func:f", "f:test.func:g", "end:builtin.module"]);
  const out = printOp(m);
  expect(out).not.toContain("test.dead");
  expect(out).toContain("test.keep");
});

test("a pass anchored on another op must be nested", () => {
  expect(() => manager("func-only").run(mod())).toThrow(/pass 'func-only' anchors on 'test.func' but was scheduled on 'builtin.module' op; nest it/);
  expect(() => manager("test.func(func-only)").run(mod())).not.toThrow();
  expect(() => new PassManager(ctx, "test.func").run(mod())).toThrow(/can't run 'test.func' pass manager on 'builtin.module' op/);
});

test("failures keep the pass's located diagnostic and name the pass; later passes do not run", () => {
  const m = parseModule(`"test.func"() ({\n  "test.bad"() : () -> ()\n}) {sym_name = "h"} : () -> ()`, { context: ctx, file: "in.mlir" });
  let err: unknown;
  try {
    manager("test.func(fail-on-bad),record").run(m);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(PassExecutionError);
  const f = (err as ZkmlirError).format();
  expect(f).toMatch(/^in\.mlir:2:3: error: found a bad op$/m);
  expect(f).toContain("note: failed in pass 'fail-on-bad' (FailOnBadPass) on 'test.func' op @h");
  expect(RecordPass.log).toEqual([]);
});

test("verify after each pass catches broken IR, and can be turned off", () => {
  expect(() => manager("break-ir,record").run(mod())).toThrow(/'test.invalid' op is never valid/);
  try {
    manager("break-ir").run(mod());
  } catch (e) {
    expect((e as ZkmlirError).format()).toContain("note: IR is invalid after pass 'break-ir' (BreakIrPass) on 'builtin.module' op");
  }
  expect(RecordPass.log).toEqual([]);
  manager("break-ir,record", false).run(mod());
  expect(RecordPass.log).toEqual(["r:builtin.module"]);
});

test("a crashing pass surfaces as a plain Error naming the pass", () => {
  expect(() => manager("crash").run(mod())).toThrow(/^pass 'crash' \(CrashPass\) on 'builtin.module' op crashed: oops$/);
  expect(() => manager("crash").run(mod())).not.toThrow(ZkmlirError);
});

test("statistics accumulate over every op a pass ran on", () => {
  const pm = manager("test.func(erase-dead,record)");
  pm.run(mod());
  const report = passStatisticsReport(pm);
  expect(report).toContain("... Pass statistics report ...");
  expect(report).toContain("'test.func' Pipeline\n  EraseDead\n    (S) 2 num-erased\n  RecordPass\n    (S) 2 ops-seen");
});

function dumps(pipeline: string, config: ConstructorParameters<typeof IRPrintingInstrumentation>[0]): string {
  let out = "";
  const pm = manager(pipeline).addInstrumentation(new IRPrintingInstrumentation(config, (t) => (out += t)));
  try {
    pm.run(mod());
  } catch {
    /* failure dumps are what some tests look at */
  }
  return out;
}

test("IR printing: before/after all with MLIR headers on the op the pass ran on", () => {
  const out = dumps("test.func(erase-dead),record", { beforeAll: true, afterAll: true });
  const headers = out.split("\n").filter((l) => l.startsWith("// -----//"));
  expect(headers).toEqual([
    "// -----// IR Dump Before EraseDead (erase-dead) //----- //",
    "// -----// IR Dump After EraseDead (erase-dead) //----- //",
    "// -----// IR Dump Before EraseDead (erase-dead) //----- //",
    "// -----// IR Dump After EraseDead (erase-dead) //----- //",
    "// -----// IR Dump Before RecordPass (record) //----- //",
    "// -----// IR Dump After RecordPass (record) //----- //",
  ]);
  // A nested pass dumps its own anchor op, not the module.
  const first = out.split("// -----//")[1]!;
  expect(first).toContain(`"test.func"()`);
  expect(first).not.toContain("module");
});

test("IR printing: after a given pass, after change only, after failure", () => {
  const after = dumps("erase-dead,record", { after: ["record"] });
  expect(after.match(/IR Dump After/g)).toHaveLength(1);
  expect(after).toContain("IR Dump After RecordPass (record)");

  const changed = dumps("record,erase-dead,erase-dead", { afterChange: true });
  expect(changed.match(/IR Dump After/g)).toHaveLength(1);
  expect(changed).toContain("IR Dump After EraseDead (erase-dead)");

  const failed = dumps("record,break-ir", { afterFailure: true });
  expect(failed.match(/IR Dump/g)).toHaveLength(1);
  expect(failed).toContain("// -----// IR Dump After BreakIrPass Failed (break-ir) //----- //");
  expect(failed).toContain(`"test.invalid"()`);
});

test("timing report lists pipelines and passes as MLIR does", () => {
  let now = 0;
  const timing = new PassTimingInstrumentation(() => (now += 1));
  manager("test.func(record),erase-dead").addInstrumentation(timing).run(mod());
  const rep = timing.report();
  expect(rep).toContain("... Execution time report ...");
  const rows = rep.split("\n").filter((l) => /\(\s*[\d.]+%\)/.test(l)).map((l) => l.replace(/^.*%\)  /, ""));
  expect(rows).toEqual(["'test.func' Pipeline", "  RecordPass", "EraseDead", "Total"]);
  // With the fake clock each start/stop pair costs 1 ms: the record pass ran twice.
  expect(rep).toMatch(/0\.0020 \(\s*[\d.]+%\)\s+RecordPass/);
});
