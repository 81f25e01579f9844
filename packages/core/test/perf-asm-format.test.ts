// Parsing with assembly formats resolved once per op kind: groups, type slots, inference from
// same-type traits, attribute directives and dictionaries, segment sizes, and the errors.
import {
  assemblyFormat, defineOp, parseModule, printOp, Context, BuiltinDialect, SameOperandsAndResultType, DenseArrayAttr,
  IntegerType, StringAttr, ParseError, type Dialect, type OpDef, type Operation,
} from "../src/index.js";

const defs: Record<string, OpDef> = {};
const op = (init: Parameters<typeof defineOp>[0], fmt: string): OpDef => {
  const d = defineOp({ ...init, format: assemblyFormat(fmt, () => defs[init.name]!) });
  return (defs[init.name] = d);
};
op({ name: "pa.same", operands: [{ name: "a" }, { name: "b" }], results: [{ name: "r" }], traits: [SameOperandsAndResultType] }, "$a `,` $b attr-dict `:` type($r)");
op({ name: "pa.noinfer", operands: [{ name: "a" }], results: [{ name: "r" }] }, "$a attr-dict `:` type($r)");
op({
  name: "pa.seg",
  operands: [{ name: "xs", arity: "variadic" }, { name: "y", arity: "optional" }],
  results: [{ name: "r" }],
  attributes: { label: {} },
}, "$label `[` $xs `]` `(` $y `)` attr-dict-with-keyword `:` type($y) `,` type($xs) `->` type($r)");
op({ name: "pa.fn", operands: [{ name: "ins", arity: "variadic" }], results: [{ name: "outs", arity: "variadic" }] }, "$ins attr-dict `:` functional-type(operands, results)");
op({ name: "pa.kw", operands: [{ name: "x" }], results: [{ name: "r" }] }, "`into` $x attr-dict `:` type(operands) `to` type(results)");
op({ name: "pa.bad", operands: [{ name: "x" }] }, "`go` $nope attr-dict");
const PaDialect: Dialect = { name: "pa", ops: Object.values(defs) };
const ctx = new Context({ dialects: [BuiltinDialect, PaDialect], allowUnregistered: true });
const parse = (src: string): Operation => parseModule(src, { context: ctx });
const ops = (m: Operation): Operation[] => m.region(0).blocks[0]!.opsArray();
const pre = `%i = "t.c"() : () -> i32\n%f = "t.c"() : () -> f32\n`;

test("operand types come from the result type under a same-type trait", () => {
  const m = parse(pre + `%s = pa.same %i, %i {tag = "x"} : i32`);
  const s = ops(m)[2]!;
  expect(s.operandValues).toEqual([ops(m)[0]!.result(), ops(m)[0]!.result()]);
  expect(s.result().type).toBe(IntegerType.get(32));
  expect(s.getAttr("tag")).toEqual(new StringAttr("x"));
  expect(() => parse(pre + `%n = pa.noinfer %i : i32`)).toThrow(/cannot infer the type of operand '\$a' of 'pa.noinfer'/);
  expect(() => parse(pre + `%s = pa.same %i, %f : i32`)).toThrow(/use of value '%f' expects different type than prior uses: 'i32' vs 'f32'/);
});

test("variadic and optional groups get segment sizes; declared attributes become properties", () => {
  const m = parse(pre + `%r = pa.seg "L" [%i, %i] (%f) attributes {extra = 1 : i8} : f32, i32, i32 -> i1\n%q = pa.seg "M" [] () : f32, i32 -> i2`);
  const [, , r, q] = ops(m);
  expect(r!.operandValues.map((v) => v.type.key)).toEqual(["i32", "i32", "f32"]);
  expect(r!.properties.get("operandSegmentSizes")).toEqual(new DenseArrayAttr(IntegerType.get(32), [2, 1]));
  expect(r!.properties.get("label")).toEqual(new StringAttr("L"));
  expect([...r!.attributes.keys()]).toEqual(["extra"]);
  expect(q!.properties.get("operandSegmentSizes")).toEqual(new DenseArrayAttr(IntegerType.get(32), [0, 0]));
  expect(q!.result().type).toBe(IntegerType.get(2));
  // A declared attribute given in the dictionary is a property too.
  const d = parse(pre + `%r = pa.seg "L" [%i] () attributes {label = "N"} : f32, i32 -> i1`);
  expect(ops(d)[2]!.properties.get("label")).toEqual(new StringAttr("N"));
  expect(ops(d)[2]!.attributes.size).toBe(0);
});

test("functional-type, type(operands) / type(results) and keyword literals", () => {
  const m = parse(pre + `%a:2 = pa.fn %i, %f : (i32, f32) -> (i8, i16)\n%k = pa.kw into %f : f32 to i64`);
  const [, , a, k] = ops(m);
  expect(a!.resultTypes.map((t) => t.key)).toEqual(["i8", "i16"]);
  expect(a!.operandValues.map((v) => v.type.key)).toEqual(["i32", "f32"]);
  expect(k!.result().type.key).toBe("i64");
  expect(printOp(parse(printOp(m)))).toBe(printOp(m));
  expect(() => parse(pre + `%a = pa.fn %i : i32`)).toThrow(/expected function type/);
  expect(() => parse(pre + `%k = pa.kw onto %f : f32 to i64`)).toThrow(ParseError);
  expect(() => parse(pre + `%k = pa.kw onto %f : f32 to i64`)).toThrow(/expected 'into'/);
});

test("a format naming an unknown variable fails when parsing reaches it", () => {
  expect(() => parse(`pa.bad`)).toThrow(/expected 'go'/);
  expect(() => parse(`pa.bad go`)).toThrow(/assembly format of 'pa.bad' names unknown '\$nope'/);
});
