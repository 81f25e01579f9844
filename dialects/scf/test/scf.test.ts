// scf: custom and generic forms round-trip, verifier rules, reference interpreter, and
// mlir-opt-19 interop.
import { execFileSync, spawnSync } from "node:child_process";
import { parseModule, printOp, verify, Context, BuiltinDialect, Interpreter, IndexType, IntegerAttr, FunctionType, f32, i1, Builder, InsertionPoint, createModule, moduleBody } from "@zkmlir/core";
import { FuncDialect, funcImpls, createFunc } from "@zkmlir/func";
import { ArithDialect, arithImpls } from "@zkmlir/arith";
import { ScfDialect, scfImpls, createFor, createIf } from "../src/index.js";

const ctx = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect, ScfDialect] });
const parse = (s: string) => { const m = parseModule(s, { context: ctx }); verify(m, {}, ctx); return m; };
const run = (s: string, args: unknown[]) => new Interpreter(parse(s), scfImpls.merge(arithImpls, funcImpls)).run(undefined, args);
const generic = (s: string) => printOp(parseModule(s, { context: ctx }), { generic: true, elideDefaultProperties: true });

const SRC = `func.func @f(%n: index, %x: f32, %c: i1) -> (f32, f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %0 = scf.for %iv = %c0 to %n step %c1 iter_args(%acc = %x) -> (f32) {
    %1 = arith.addf %acc, %acc : f32
    scf.yield %1 : f32
  }
  %2 = scf.if %c -> (f32) {
    scf.yield %0 : f32
  } else {
    %3 = arith.negf %0 : f32
    scf.yield %3 : f32
  }
  scf.if %c {
    %4 = arith.addf %x, %x : f32
  }
  %lb = arith.constant 2 : i32
  %ub = arith.constant 9 : i32
  %st = arith.constant 3 : i32
  scf.for %j = %lb to %ub step %st : i32 {
  }
  return %0, %2 : f32, f32
}`;

test("custom form round-trips exactly (implicit yields stay implicit), generic form too", () => {
  const out = printOp(parse(SRC));
  expect(out).toContain("scf.for %arg3 = %0 to %arg0 step %1 iter_args(%arg4 = %arg1) -> (f32) {");
  expect(out).toContain("scf.for %arg5 = %7 to %8 step %9 : i32 {");
  expect(printOp(parse(out))).toBe(out);
  const g = printOp(parse(SRC), { generic: true });
  expect(g).toContain(`"scf.yield"() : () -> ()`);
  expect(printOp(parse(g), { generic: true })).toBe(g);
});

test("interpreter: loop-carried values, zero-trip loops, both branches", () => {
  expect(run(SRC, [3n, 1.5, 1n])).toEqual([12, 12]);
  expect(run(SRC, [0n, 1.5, 0n])).toEqual([1.5, -1.5]);
});

test("verifier names the rule", () => {
  const bad = (body: string) => () => parse(`func.func @f(%a: index, %x: f32, %c: i1) -> () { ${body} return }`);
  expect(bad(`%0 = "scf.for"(%a, %a, %a, %x) ({ ^bb0(%i: index, %y: f32): "scf.yield"(%i) : (index) -> () }) : (index, index, index, f32) -> f32`))
    .toThrow(/'scf.for' op body region yields 'index' as value #0, expected 'f32'/);
  expect(bad(`%0 = "scf.for"(%a, %a, %a, %x) ({ ^bb0(%i: index): "scf.yield"(%x) : (f32) -> () }) : (index, index, index, f32) -> f32`))
    .toThrow(/body block must have 2 arguments/);
  expect(bad(`%0 = "scf.if"(%c) ({ "scf.yield"(%x) : (f32) -> () }, {}) : (i1) -> f32`)).toThrow(/must have an else block if defining values/);
  expect(() => parse(`func.func @g() { "scf.yield"() : () -> () }`)).toThrow(/'scf.yield' op expects parent op to be one of 'scf.for', 'scf.if'/);
});

test("a non-positive step is an error, not a hang", () => {
  const src = `func.func @f(%s: index) -> index { %c0 = arith.constant 0 : index %c5 = arith.constant 5 : index
    %0 = scf.for %i = %c0 to %c5 step %s iter_args(%a = %c0) -> (index) { scf.yield %i : index } return %0 : index }`;
  expect(run(src, [2n])).toEqual([4n]);
  expect(() => run(src, [0n])).toThrow(/scf.for': step must be positive, got 0/);
});

test("builders produce verified ops that run", () => {
  const m = createModule();
  const fn = createFunc("f", FunctionType.get([IndexType.get(), f32(), i1()], [f32()]));
  moduleBody(m).append(fn);
  const entry = fn.region(0).entry!;
  const b = new Builder(InsertionPoint.atEnd(entry));
  const [n, x, c] = entry.args;
  const zero = b.create({ name: "arith.constant", resultTypes: [IndexType.get()], properties: { value: IntegerAttr.get(0, IndexType.get()) } }).result(0);
  const one = b.create({ name: "arith.constant", resultTypes: [IndexType.get()], properties: { value: IntegerAttr.get(1, IndexType.get()) } }).result(0);
  const loop = b.insert(createFor(zero, n!, one, [x!], (bb, _iv, [acc]) => [bb.create({ name: "arith.mulf", operands: [acc!, acc!], resultTypes: [f32()] }).result(0)]));
  const sel = b.insert(createIf(c!, [f32()], () => [loop.result(0)], () => [x!]));
  b.create({ name: "func.return", operands: [sel.result(0)] });
  verify(m, {}, ctx);
  const interp = new Interpreter(m, scfImpls.merge(arithImpls, funcImpls));
  expect(interp.run("f", [2n, 3, 1n])).toEqual([81]);
  expect(interp.run("f", [2n, 3, 0n])).toEqual([3]);
});

const have = spawnSync("mlir-opt-19", ["--version"]).status === 0;
(have ? test : test.skip)("mlir-opt-19 accepts our generic form and it parses back identical", () => {
  const ours = printOp(parse(SRC), { generic: true });
  const theirs = execFileSync("mlir-opt-19", ["--mlir-print-op-generic", "-"], { input: ours, encoding: "utf8" });
  expect(generic(theirs)).toBe(generic(ours));
});
