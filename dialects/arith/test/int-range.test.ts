// Hand-computed ranges on small functions: the ranges of the values each function returns.
import { parseModule, Context, BuiltinDialect, IntRangeAnalysis, IntRange, moduleBody, type Operation } from "@zkmlir/core";
import { FuncDialect } from "@zkmlir/func";
import { ArithDialect, registerArithIntRanges } from "../src/index.js";

registerArithIntRanges();
const ctx = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect], allowUnregistered: true });

/** Ranges (as text) of the operands of the first function's return. */
function returned(src: string): string[] {
  const m = parseModule(src, { context: ctx });
  const f = moduleBody(m).first!;
  const a = new IntRangeAnalysis(m);
  const ret = f.region(0).blocks.flatMap((b) => b.opsArray()).find((o: Operation) => o.name === "func.return")!;
  return ret.operandValues.map((v) => a.range(v)?.toString() ?? "dead");
}
const r = (smin: number, smax: number, umin: number | bigint, umax: number | bigint) =>
  `signed [${smin}, ${smax}] unsigned [${umin}, ${umax}]`;

test("constants are exact; arithmetic on exact ranges stays exact or wraps to the full range", () => {
  expect(returned(`func.func @f() -> (i8, i8, i8, i8) {
    %a = arith.constant 100 : i8
    %b = arith.constant -3 : i8
    %0 = arith.addi %a, %b : i8
    %1 = arith.addi %a, %a : i8
    %2 = arith.muli %b, %b : i8
    %3 = arith.subi %b, %a : i8
    return %0, %1, %2, %3 : i8, i8, i8, i8 }`)).toEqual([
    r(97, 97, 97, 97), // 100 + -3
    r(-56, -56, 200, 200), // wraps: unsigned 200 is exact, so is its signed view
    r(9, 9, 9, 9),
    r(-103, -103, 153, 153),
  ]);
});

test("masks, shifts, remainders and divisions of unknown arguments", () => {
  expect(returned(`func.func @f(%x: i32, %y: i32) -> (i32, i32, i32, i32, i32, i32) {
    %c255 = arith.constant 255 : i32
    %c4 = arith.constant 4 : i32
    %c10 = arith.constant 10 : i32
    %0 = arith.andi %x, %c255 : i32
    %1 = arith.shrui %0, %c4 : i32
    %2 = arith.remui %x, %c10 : i32
    %3 = arith.remsi %x, %c10 : i32
    %4 = arith.divui %0, %c10 : i32
    %5 = arith.ori %1, %c4 : i32
    return %0, %1, %2, %3, %4, %5 : i32, i32, i32, i32, i32, i32 }`)).toEqual([
    r(0, 255, 0, 255), r(0, 15, 0, 15), r(0, 9, 0, 9), r(-9, 9, 0, 4294967295), r(0, 25, 0, 25), r(4, 15, 4, 15),
  ]);
});

test("casts, min/max, select and comparisons decided by ranges", () => {
  expect(returned(`func.func @f(%x: i8, %c: i1) -> (i32, i32, i8, i1, i1, i32, i32) {
    %0 = arith.extsi %x : i8 to i32
    %1 = arith.extui %x : i8 to i32
    %big = arith.constant 300 : i32
    %lo = arith.constant -7 : i32
    %2 = arith.trunci %big : i32 to i8
    %3 = arith.cmpi slt, %0, %big : i32
    %4 = arith.cmpi ult, %1, %lo : i32
    %5 = arith.maxsi %0, %lo : i32
    %6 = arith.select %c, %1, %lo : i32
    return %0, %1, %2, %3, %4, %5, %6 : i32, i32, i8, i1, i1, i32, i32 }`)).toEqual([
    r(-128, 127, 0, 4294967295), r(0, 255, 0, 255), r(44, 44, 44, 44),
    r(-1, -1, 1, 1), r(-1, -1, 1, 1), // x <s 300 always; x <u 2^32-7 always (true: -1 signed)
    r(-7, 127, 0, 4294967295), r(-7, 255, 0, 4294967289), // unsigned hull of [0, 255] and 2^32 - 7
  ]);
});

test("i1 as upstream: true is -1 in the signed view, so extsi of an unknown i1 is [-1, 0]", () => {
  expect(returned(`func.func @f(%c: i1) -> (i32, i32, index, i1, i1, i1, i8) {
    %t = arith.constant true
    %f = arith.constant false
    %0 = arith.extsi %c : i1 to i32
    %1 = arith.extui %c : i1 to i32
    %2 = arith.index_cast %c : i1 to index
    %3 = arith.cmpi slt, %t, %f : i1
    %4 = arith.cmpi sle, %c, %f : i1
    %5 = arith.maxsi %c, %f : i1
    %6 = arith.extsi %t : i1 to i8
    return %0, %1, %2, %3, %4, %5, %6 : i32, i32, index, i1, i1, i1, i8 }`)).toEqual([
    r(-1, 0, 0, 4294967295), r(0, 1, 0, 1), r(-1, 0, 0, 18446744073709551615n),
    r(-1, -1, 1, 1), // -1 < 0: true
    r(-1, -1, 1, 1), // every i1 is <= 0 signed
    r(0, 0, 0, 0), // max(x, 0) over {-1, 0} is 0: false
    r(-1, -1, 255, 255),
  ]);
});

test("scf.for induction variable from constant bounds; results of unmodelled region ops are top", () => {
  expect(returned(`func.func @f() -> (index, index) {
    %lb = arith.constant 2 : index
    %ub = arith.constant 10 : index
    %s = arith.constant 3 : index
    %r = "scf.for"(%lb, %ub, %s, %lb) ({
    ^bb0(%iv: index, %acc: index):
      %d = arith.muli %iv, %iv : index
      "test.keep"(%d) : (index) -> ()
      "scf.yield"(%iv) : (index) -> ()
    }) : (index, index, index, index) -> index
    %x = "test.source"() : () -> index
    return %r, %x : index, index }`)).toEqual([IntRange.top(64).toString(), IntRange.top(64).toString()]);
  const m = parseModule(`func.func @f() {
    %lb = arith.constant 2 : index
    %ub = arith.constant 10 : index
    %s = arith.constant 3 : index
    "scf.for"(%lb, %ub, %s) ({
    ^bb0(%iv: index):
      %d = arith.muli %iv, %iv : index
      "test.keep"(%iv, %d) : (index, index) -> ()
      "scf.yield"() : () -> ()
    }) : (index, index, index) -> ()
    return }`, { context: ctx });
  const a = new IntRangeAnalysis(m);
  let keep: Operation | undefined;
  m.walk((o) => { if (o.name === "test.keep") keep = o; });
  expect(keep!.operandValues.map((v) => a.range(v)!.toString())).toEqual([r(2, 9, 2, 9), r(4, 81, 4, 81)]);
});

test("block arguments join their predecessors; a decided cond_br leaves the other block dead", () => {
  expect(returned(`func.func @f(%c: i1) -> (i32, i32) {
    %a = arith.constant 1 : i32
    %b = arith.constant 20 : i32
    %t = arith.constant 1 : i1
    "cf.cond_br"(%c, %a, %b)[^bb1, ^bb1] <{operandSegmentSizes = array<i32: 1, 1, 1>}> : (i1, i32, i32) -> ()
  ^bb1(%x: i32):
    "cf.cond_br"(%t, %x, %a)[^bb2, ^bb3] <{operandSegmentSizes = array<i32: 1, 1, 1>}> : (i1, i32, i32) -> ()
  ^bb2(%y: i32):
    return %x, %y : i32, i32
  ^bb3(%z: i32):
    return %z, %z : i32, i32 }`)).toEqual([r(1, 20, 1, 20), r(1, 20, 1, 20)]);
  const m = parseModule(`func.func @f(%c: i1) -> i32 {
    %t = arith.constant 0 : i1
    %a = arith.constant 1 : i32
    "cf.cond_br"(%t, %a, %a)[^bb1, ^bb2] <{operandSegmentSizes = array<i32: 1, 1, 1>}> : (i1, i32, i32) -> ()
  ^bb1(%y: i32):
    return %y : i32
  ^bb2(%z: i32):
    return %z : i32 }`, { context: ctx });
  const a = new IntRangeAnalysis(m);
  const blocks = moduleBody(m).first!.region(0).blocks;
  expect(a.range(blocks[1]!.args[0]!)).toBeUndefined(); // dead: no state
  expect(a.isLive(blocks[1]!.first!)).toBe(false);
  expect(a.range(blocks[2]!.args[0]!)?.toString()).toBe(r(1, 1, 1, 1));
});

test("a counting loop over CFG edges terminates, widening the counter to the full range", () => {
  const src = `func.func @f() -> i32 {
    %z = arith.constant 0 : i32
    %one = arith.constant 1 : i32
    %n = arith.constant 1000000 : i32
    "cf.br"(%z)[^loop] : (i32) -> ()
  ^loop(%i: i32):
    %next = arith.addi %i, %one : i32
    %c = arith.cmpi slt, %next, %n : i32
    "cf.cond_br"(%c, %next)[^loop, ^exit] <{operandSegmentSizes = array<i32: 1, 1, 0>}> : (i1, i32) -> ()
  ^exit:
    return %next : i32 }`;
  const [next] = returned(src);
  expect(next).toBe(IntRange.top(32).toString());
  const a = new IntRangeAnalysis(parseModule(src, { context: ctx }));
  expect(a.visits).toBeLessThan(200); // widened after a few rounds, not a million
});
