import {
  ConversionTarget, TypeConverter, conversionPattern, applyFullConversion, applyPartialConversion, ConversionError,
  IntegerType, IntegerAttr, printOp, parseModule, Context, BuiltinDialect, type Operation,
} from "../src/index.js";

const ctx = new Context({ dialects: [BuiltinDialect], allowUnregistered: true });
const parse = (s: string) => parseModule(s, { context: ctx, file: "c.mlir" });
const print = (op: Operation) => printOp(op).split("\n").map((l) => l.trim()).filter((l) => l).join("\n");
const i32 = IntegerType.get(32), i64 = IntegerType.get(64);

// src dialect on i32 -> dst dialect on i64.
const types = new TypeConverter().addConversion((t) => t).addConversion((t) => (t === i32 ? i64 : undefined));
const patterns = [
  conversionPattern("src.c", (op, _a, r) => {
    const v = op.getAttr("value") as IntegerAttr;
    r.replaceOpWithNew(op, { name: "dst.c", resultTypes: [i64], properties: { value: IntegerAttr.get(v.value, i64) } });
    return true;
  }, { typeConverter: types }),
  conversionPattern("src.add", (op, a, r) => {
    r.replaceOpWithNew(op, { name: "dst.add", operands: a.operands, resultTypes: [i64] });
    return true;
  }, { typeConverter: types }),
  conversionPattern("src.ret", (op, a, r) => {
    r.replaceOpWithNew(op, { name: "dst.ret", operands: a.operands });
    return true;
  }, { typeConverter: types }),
];
const srcToDst = () => new ConversionTarget().addLegalDialect("dst").addIllegalDialect("src");

test("full conversion rewrites every op and leaves no casts", () => {
  const m = parse(`
%a = "src.c"() <{value = 1 : i32}> : () -> i32
%b = "src.add"(%a, %a) : (i32, i32) -> i32
"src.ret"(%b) : (i32) -> ()`);
  const r = applyFullConversion(m, srcToDst().addLegalOp("builtin.module"), patterns);
  expect(r).toEqual({ numRewrites: 3, numUnresolvedCasts: 0 });
  expect(print(m)).toBe(print(parse(`
%0 = "dst.c"() <{value = 1 : i64}> : () -> i64
%1 = "dst.add"(%0, %0) : (i64, i64) -> i64
"dst.ret"(%1) : (i64) -> ()`)));
});

test("partial conversion leaves unknown ops and bridges them with unrealized casts", () => {
  const m = parse(`
%a = "src.c"() <{value = 1 : i32}> : () -> i32
%b = "src.add"(%a, %a) : (i32, i32) -> i32
"test.use"(%b) : (i32) -> ()`);
  const target = new ConversionTarget().addLegalDialect("dst").addIllegalOp("src.add");
  const r = applyPartialConversion(m, target, patterns);
  expect(r.numUnresolvedCasts).toBe(2);
  expect(print(m)).toBe(print(parse(`
%0 = "src.c"() <{value = 1 : i32}> : () -> i32
%1 = "builtin.unrealized_conversion_cast"(%0) : (i32) -> i64
%2 = "dst.add"(%1, %1) : (i64, i64) -> i64
%3 = "builtin.unrealized_conversion_cast"(%2) : (i64) -> i32
"test.use"(%3) : (i32) -> ()`)));
});

test("casts that round-trip fold away when both sides get converted", () => {
  const m = parse(`
%a = "src.c"() <{value = 2 : i32}> : () -> i32
"src.ret"(%a) : (i32) -> ()`);
  applyPartialConversion(m, srcToDst(), patterns);
  expect(print(m)).not.toContain("unrealized_conversion_cast");
});

test("failed full conversion lists every failing op with its location and leaves the module unchanged", () => {
  const src = `module {
  %a = "src.c"() <{value = 1 : i32}> : () -> i32 loc("c.mlir":2:3)
  %b = "src.mul"(%a, %a) : (i32, i32) -> i32 loc("c.mlir":3:3)
  "test.region"() ({
    %c = "src.add"(%b, %b) : (i32, i32) -> i32
    "src.mystery"(%c) : (i32) -> () loc("c.mlir":6:5)
  }) : () -> () loc("c.mlir":4:3)
}`;
  const m = parse(src);
  const before = printOp(m, { debugInfo: true });
  let err: unknown;
  try {
    applyFullConversion(m, srcToDst().addLegalOp("builtin.module"), patterns);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(ConversionError);
  const e = err as ConversionError;
  expect(e.notes).toEqual([
    `c.mlir:3:3: failed to legalize operation 'src.mul'`,
    `c.mlir:4:3: failed to legalize operation 'test.region' (unknown to the target, no pattern matched)`,
    `c.mlir:6:5: failed to legalize operation 'src.mystery'`,
  ]);
  expect(e.message).toMatch(/^full conversion failed: 3 operations could not be legalized/);
  expect(printOp(m, { debugInfo: true })).toBe(before);
  // The restored IR is intact: its use-lists work, a later conversion can still run on it.
  const again = applyPartialConversion(m, new ConversionTarget().addIllegalOp("src.c"), patterns);
  expect(again.numRewrites).toBe(1);
});

test("a partial conversion fails only for explicitly illegal ops, and rolls back", () => {
  const src = `%a = "src.c"() <{value = 1 : i32}> : () -> i32\n"src.mystery"(%a) : (i32) -> ()`;
  const m = parse(src);
  expect(() => applyPartialConversion(m, srcToDst(), patterns)).toThrow(/1 operation could not be legalized:\n.*'src.mystery'/);
  expect(print(m)).toBe(print(parse(src)));
});

test("dynamic legality and markUnknownOpDynamicallyLegal", () => {
  const m = parse(`
%a = "src.c"() <{value = 1 : i32}> : () -> i32
%b = "src.c"() <{value = 7 : i64}> : () -> i64
"test.keep"() : () -> ()`);
  const target = new ConversionTarget()
    .addDynamicallyLegalOp("src.c", (op) => op.result().type === i64)
    .addLegalDialect("dst", "builtin")
    .markUnknownOpDynamicallyLegal((op) => op.name.startsWith("test."));
  applyFullConversion(m, target, patterns);
  const out = print(m);
  expect(out).toContain(`"dst.c"() <{value = 1 : i64}>`);
  expect(out).toContain(`"src.c"() <{value = 7 : i64}>`);
  expect(out).toContain(`"test.keep"()`);
});

test("block argument types convert with source materializations for old users", () => {
  const m = parse(`
"test.region"() ({
^bb0(%x: i32):
  "test.use"(%x) : (i32) -> ()
}) : () -> ()`);
  const convertRegion = conversionPattern("test.region", (op, _a, r) => {
    r.modifyOpInPlace(op, () => { r.convertRegionTypes(op.region(0), types); op.setAttr("converted", IntegerAttr.get(1)); });
    return true;
  });
  const target = new ConversionTarget().addDynamicallyLegalOp("test.region", (op) => op.getAttr("converted") !== undefined);
  applyPartialConversion(m, target, [convertRegion]);
  expect(print(m)).toContain(`^bb0(%arg0: i64):`);
  expect(print(m)).toContain(`%0 = "builtin.unrealized_conversion_cast"(%arg0) : (i64) -> i32`);
});
