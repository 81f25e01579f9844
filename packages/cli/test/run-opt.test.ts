import { runOpt, runZkmlir, registerCommand } from "../src/index.js";
import { mlirTestCases } from "@zkmlir/testkit";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { cliTestRegistry } from "./test-passes.js";

const registry = cliTestRegistry();
function opt(args: string[], stdin?: string): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = runOpt(args, { stdin, stdout: (t) => void (out += t), stderr: (t) => void (err += t) }, { registry });
  return { code, out, err };
}

const DEAD = `"test.func"() ({\n  "test.dead"() : () -> ()\n  "test.keep"() : () -> ()\n}) : () -> ()\n`;

test("runs a pipeline given as flags or as --pass-pipeline", () => {
  const a = opt(["-", "--allow-unregistered-dialect", "-test-erase-dead"], DEAD);
  expect(a.code).toBe(0);
  expect(a.out).not.toContain("test.dead");
  expect(a.out).toContain("test.keep");
  const b = opt(["-", "--allow-unregistered-dialect", "--pass-pipeline=builtin.module(test.func(test-erase-dead))"], DEAD);
  expect(b.out).toBe(a.out);
});

test("bad input exits 1 with a located error and prints no output", () => {
  const r = opt(["-", "--allow-unregistered-dialect", "--test-erase-dead"], `"test.a"() : () -> ()\n"test.b"(%x) : (i32) -> ()\n`);
  expect(r.code).toBe(1);
  expect(r.out).toBe("");
  expect(r.err).toBe("<stdin>:2:10: error: use of undeclared SSA value name '%x'\n");
});

test("a failing pass exits 1 naming the pass; unregistered ops need the flag", () => {
  const r = opt(["-", "--allow-unregistered-dialect", "--test-fail-on-bad"], `"test.ok"() : () -> ()\n"test.bad"() : () -> ()\n`);
  expect(r.code).toBe(1);
  expect(r.out).toBe("");
  expect(r.err).toMatch(/^<stdin>:2:1: error: found a bad op\nnote: failed in pass 'test-fail-on-bad'/);
  const u = opt(["-"], `"test.ok"() : () -> ()\n`);
  expect(u.code).toBe(1);
  expect(u.err).toMatch(/^<stdin>:1:1: error: .*test/);
});

test("usage errors: unknown flags, unknown passes in the pipeline, missing files", () => {
  expect(opt(["--nope"]).err).toMatch(/unknown option '--nope'/);
  const p = opt(["-", "--pass-pipeline=builtin.module(frob)"], "");
  expect(p.code).toBe(1);
  expect(p.err).toContain("<pass-pipeline>:1:16: error: 'frob' does not refer to a registered pass or pass pipeline");
  expect(opt(["/nonexistent/x.mlir"]).err).toMatch(/cannot read input file '\/nonexistent\/x.mlir': ENOENT/);
  expect(opt(["--mlir-elide-elementsattrs-if-larger=x"]).err).toMatch(/expects a non-negative integer/);
});

test("split input, -o, statistics, timing and help", () => {
  const dir = mkdtempSync(join(tmpdir(), "zkopt-"));
  const out = join(dir, "out.mlir");
  const r = opt(["-", "--allow-unregistered-dialect", "--split-input-file", "--test-erase-dead", "--mlir-pass-statistics", "--mlir-timing", "-o", out], `${DEAD}// -----\n"test.dead"() : () -> ()\n`);
  expect(r.code).toBe(0);
  expect(r.out).toBe("");
  const written = readFileSync(out, "utf8");
  expect(written.split("// -----\n")).toHaveLength(2);
  expect(written).not.toContain("test.dead");
  expect(r.err).toContain("TestEraseDead\n  (S) 2 num-erased");
  expect(r.err).toMatch(/Execution time report[\s\S]*Parser[\s\S]*TestEraseDead[\s\S]*Total/);
  const h = opt(["--help"]);
  expect(h.code).toBe(0);
  expect(h.out).toContain("--test-erase-dead");
});

test("verify-diagnostics fails on a missing or unexpected diagnostic", () => {
  const missing = opt(["-", "--allow-unregistered-dialect", "--verify-diagnostics"], `// expected-error @+1 {{boom}}\n"test.ok"() : () -> ()\n`);
  expect(missing.code).toBe(1);
  expect(missing.err).toContain(`<stdin>:1: error: expected error "boom" (for line 2) was not produced`);
  const unexpected = opt(["-", "--allow-unregistered-dialect", "--verify-diagnostics"], `"test.a"(%x) : (i32) -> ()\n`);
  expect(unexpected.code).toBe(1);
  expect(unexpected.err).toContain("<stdin>:1:10: error: unexpected error: use of undeclared SSA value name '%x'");
});

test("a wrong CHECK in a RUN file makes its test fail", async () => {
  const dir = mkdtempSync(join(tmpdir(), "zkrun-"));
  const f = join(dir, "t.mlir");
  writeFileSync(f, `// RUN: zkmlir-opt %s --allow-unregistered-dialect | FileCheck %s\n// CHECK: test.missing\n"test.a"() : () -> ()\n`);
  const cases = mlirTestCases(f, { tools: { "zkmlir-opt": (a, io) => runOpt(a, io, { registry }) } });
  expect(cases).toHaveLength(1);
  await expect(cases[0]!.run()).rejects.toThrow(/CHECK: expected string not found in input/);
  writeFileSync(f, `// RUN: not zkmlir-opt %s --allow-unregistered-dialect\n"test.a"() : () -> ()\n`);
  await expect(mlirTestCases(f, { tools: { "zkmlir-opt": (a, io) => runOpt(a, io, { registry }) } })[0]!.run()).rejects.toThrow(/was expected to fail but succeeded/);
});

test("zkmlir dispatches subcommands and never shows a stack trace", async () => {
  let out = "";
  let err = "";
  const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t) };
  expect(await runZkmlir(["--help"], io)).toBe(0);
  expect(out).toContain("opt");
  registerCommand({ name: "test-crash", summary: "throws", run: () => { throw new Error("kaboom"); } });
  expect(await runZkmlir(["test-crash"], io)).toBe(2);
  expect(err).toBe("error: internal: kaboom\n");
  expect(await runZkmlir(["nope"], io)).toBe(1);
  expect(await runZkmlir(["opt", "-", "--allow-unregistered-dialect"], { ...io, stdin: `"test.a"() : () -> ()` })).toBe(0);
});
