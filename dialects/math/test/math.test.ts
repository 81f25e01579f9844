// math: custom form (with fastmath) and generic round trips, mlir-opt-19 interop for every op,
// the reference semantics on hand-checked values, and erf's stated error bound.
import { execFileSync, spawnSync } from "node:child_process";
import { parseModule, printOp, verify, Context, BuiltinDialect, Interpreter, Tensor } from "@zkmlir/core";
import { FuncDialect, funcImpls } from "@zkmlir/func";
import { MathDialect, mathImpls, erf, FLOAT_UNARY, FLOAT_BINARY } from "../src/index.js";

const ctx = new Context({ dialects: [BuiltinDialect, FuncDialect, MathDialect] });
const parse = (s: string) => { const m = parseModule(s, { context: ctx }); verify(m, {}, ctx); return m; };
const run = (s: string, args: unknown[]) => new Interpreter(parse(s), mathImpls.merge(funcImpls)).run(undefined, args);

const unary = Object.keys(FLOAT_UNARY), binary = Object.keys(FLOAT_BINARY);
const ALL = `func.func @f(%x: f64, %y: f32, %i: i32, %t: tensor<3xf32>) -> () {
${unary.map((n) => `  %${n} = math.${n} %x : f64`).join("\n")}
${binary.map((n) => `  %${n} = math.${n} %x, %x fastmath<nnan, ninf> : f64`).join("\n")}
  %fma = math.fma %y, %y, %y : f32
  %fpowi = math.fpowi %y, %i fastmath<fast> : f32, i32
  %absi = math.absi %i : i32
  %ipowi = math.ipowi %i, %i : i32
  %erft = math.erf %t : tensor<3xf32>
  return
}`;

test("custom form round-trips (fastmath kept, default elided)", () => {
  const out = printOp(parse(ALL));
  expect(out).toContain("math.powf %arg0, %arg0 fastmath<nnan,ninf> : f64");
  expect(out).toContain("math.fpowi %arg1, %arg2 fastmath<fast> : f32, i32");
  expect(out).toContain("math.exp %arg0 : f64");
  expect(printOp(parse(out))).toBe(out);
  const g = printOp(parse(ALL), { generic: true });
  expect(g).toContain(`"math.powf"(%arg0, %arg0) <{fastmath = #arith.fastmath<nnan,ninf>}> : (f64, f64) -> f64`);
  expect(printOp(parse(g), { generic: true })).toBe(g);
});

test("verifier: same types, fpowi shapes", () => {
  expect(() => parse(`func.func @f(%x: f32, %y: f64) { %0 = "math.powf"(%x, %y) : (f32, f64) -> f32 return }`)).toThrow(/requires the same type for all operands and results/);
  expect(() => parse(`func.func @f(%x: i32) { %0 = "math.exp"(%x) : (i32) -> i32 return }`)).toThrow(/operand #0 \('operand'\) must be floating-point-like, but got 'i32'/);
  expect(() => parse(`func.func @f(%x: tensor<2xf32>, %n: i32) { %0 = "math.fpowi"(%x, %n) : (tensor<2xf32>, i32) -> tensor<2xf32> return }`)).toThrow(/base and exponent must have the same shape/);
});

test("reference semantics on hand-checked values", () => {
  const src = `func.func @f(%x: f64, %y: f32, %n: i32, %m: i8, %t: tensor<2xf32>) -> (f64, f64, f64, f64, f32, f32, i32, i8, i8, tensor<2xf32>, f64) {
    %0 = math.roundeven %x : f64
    %1 = math.round %x : f64
    %2 = math.rsqrt %x : f64
    %3 = math.copysign %x, %x : f64
    %4 = math.fpowi %y, %n : f32, i32
    %5 = math.fma %y, %y, %y : f32
    %6 = math.ipowi %n, %n : i32
    %7 = math.absi %m : i8
    %8 = math.ipowi %m, %m : i8
    %9 = math.exp %t : tensor<2xf32>
    %10 = math.atan2 %x, %x : f64
    return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10 : f64, f64, f64, f64, f32, f32, i32, i8, i8, tensor<2xf32>, f64
  }`;
  const r = run(src, [2.5, Math.fround(1.1), 3n, -128n, Tensor.fromArray("f32", [2], [0, 1])]);
  expect(r.slice(0, 4)).toEqual([2, 3, 1 / Math.sqrt(2.5), 2.5]);
  expect(r[4]).toBe(Math.fround(Math.fround(1.1) ** 3));
  expect(r[5]).toBe(Math.fround(Math.fround(1.1) * Math.fround(1.1) + Math.fround(1.1)));
  expect(r[6]).toBe(27n);
  expect(r[7]).toBe(-128n); // |-128| wraps in i8, as upstream
  expect(r[8]).toBe(0n); // (-128)^-128: negative exponent of |base| > 1 truncates to 0
  expect(Array.from((r[9] as Tensor).data as Float32Array)).toEqual([1, Math.fround(Math.E)]);
  expect(r[10]).toBe(Math.PI / 4);
  expect(run(`func.func @f(%x: f64) -> f64 { %0 = math.roundeven %x : f64 return %0 : f64 }`, [-3.5])).toEqual([-4]);
  expect(run(`func.func @f(%x: f64) -> f64 { %0 = math.round %x : f64 return %0 : f64 }`, [-2.5])).toEqual([-3]);
});

test("erf is within its stated bound (1e-14 absolute) of reference values", () => {
  // Reference values of erf (DLMF 7.2; computed to 20 digits).
  const REF: [number, number][] = [
    [0, 0], [1e-10, 1.1283791670955126e-10], [0.1, 0.1124629160182849], [0.5, 0.5204998778130465], [1, 0.8427007929497149],
    [1.5, 0.9661051464753107], [2, 0.9953222650189527], [2.5, 0.9995930479825550], [3, 0.9999779095030014],
    [3.5, 0.9999992569016276], [4, 0.9999999845827421], [5, 0.9999999999984626], [6, 0.9999999999999999], [10, 1],
  ];
  for (const [x, v] of REF) {
    expect(Math.abs(erf(x) - v)).toBeLessThan(1e-14);
    expect(Math.abs(erf(-x) + v)).toBeLessThan(1e-14);
  }
  expect(erf(NaN)).toBeNaN();
  // Between the tabulated points (and across the series / continued-fraction switch at 2.5):
  // the central difference matches erf' = 2/sqrt(pi) exp(-x^2).
  for (let x = 0.05; x < 5.5; x += 0.1) {
    const h = 1e-4;
    const d = (erf(x + h) - erf(x - h)) / (2 * h);
    expect(Math.abs(d - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x))).toBeLessThan(1e-8);
  }
});

const have = spawnSync("mlir-opt-19", ["--version"]).status === 0;
(have ? test : test.skip)("mlir-opt-19 accepts our generic form of every op and it parses back identical", () => {
  const generic = (s: string) => printOp(parseModule(s, { context: ctx }), { generic: true, elideDefaultProperties: true });
  const ours = printOp(parse(ALL), { generic: true });
  const theirs = execFileSync("mlir-opt-19", ["--mlir-print-op-generic", "-"], { input: ours, encoding: "utf8" });
  expect(generic(theirs)).toBe(generic(ours));
});
