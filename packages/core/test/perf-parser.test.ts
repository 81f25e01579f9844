// Behaviour of the parser's allocation-free paths (operand stack, function-type stack, integer
// types read from characters, one-name result binding): each case checks the IR, not timing.
import {
  parseModule, parseType, printOp, Context, BuiltinDialect, FunctionType, IntegerType, ParseError, FileLineColLoc, NameLoc,
  TypeAttr, type Operation,
} from "../src/index.js";

const ctx = new Context({ dialects: [BuiltinDialect], allowUnregistered: true });
const parse = (src: string): Operation => parseModule(src, { context: ctx });
const body = (m: Operation): Operation[] => m.region(0).blocks[0]!.opsArray();

test("operands of an op whose regions parse other ops' operands resolve to the right values", () => {
  const m = parse(`
%a = "t.c"() : () -> i32
%b = "t.c"() : () -> f32
%r = "t.outer"(%a, %b) ({
  %x = "t.c"() : () -> i64
  "t.inner"(%x, %b, %a) ({
    "t.deep"(%a, %x) : (i32, i64) -> ()
  }) : (i64, f32, i32) -> ()
}) : (i32, f32) -> i8
"t.use"(%r, %a) : (i8, i32) -> ()`);
  const [a, b, outer, use] = body(m);
  expect(outer!.operandValues).toEqual([a!.result(), b!.result()]);
  const [x, inner] = outer!.region(0).blocks[0]!.opsArray();
  expect(inner!.operandValues).toEqual([x!.result(), b!.result(), a!.result()]);
  const deep = inner!.region(0).blocks[0]!.first!;
  expect(deep.operandValues).toEqual([a!.result(), x!.result()]);
  expect(use!.operandValues).toEqual([outer!.result(), a!.result()]);
});

test("result groups bind slices; a single group binds every result", () => {
  const m = parse(`
%p, %q:2 = "t.three"() : () -> (i1, i2, i3)
%all:3 = "t.three"() : () -> (i1, i2, i3)
"t.use"(%p, %q#0, %q#1, %all#2) : (i1, i2, i3, i3) -> ()`);
  const [t1, t2, use] = body(m);
  expect(use!.operandValues).toEqual([t1!.result(0), t1!.result(1), t1!.result(2), t2!.result(2)]);
  expect(() => parse(`%a, %b = "t.three"() : () -> (i1, i2, i3)`)).toThrow(/defines 3 results but was provided 2 to bind/);
  expect(() => parse(`%a:3 = "t.three"() : () -> (i1, i2, i3)\n"t.u"(%a#3) : (i1) -> ()`)).toThrow(/result number 3 of '%a' out of range/);
});

test("forward references resolve through the operand stack", () => {
  const m = parse(`
"t.region"() ({
^bb0:
  "t.use"(%later, %later) : (i32, i32) -> ()
  "t.br"()[^bb1] : () -> ()
^bb1:
  %later = "t.c"() : () -> i32
  "t.ret"() : () -> ()
}) : () -> ()`);
  const [bb0, bb1] = body(m)[0]!.region(0).blocks;
  const def = bb1!.first!;
  expect(bb0!.first!.operandValues).toEqual([def.result(), def.result()]);
  expect(def.result().numUses).toBe(2);
});

test("nested function types and parenthesised results are uniqued", () => {
  const t = parseType("(i32, (i8) -> (i16, i1)) -> ((i64) -> i32)");
  expect(t).toBeInstanceOf(FunctionType);
  const ft = t as FunctionType;
  expect(ft.inputs[0]).toBe(IntegerType.get(32));
  expect(ft.inputs[1]).toBe(FunctionType.get([IntegerType.get(8)], [IntegerType.get(16), IntegerType.get(1)]));
  expect(ft.results).toEqual([FunctionType.get([IntegerType.get(64)], [IntegerType.get(32)])]);
  expect(ft.key).toBe("(i32, (i8) -> (i16, i1)) -> ((i64) -> i32)");
  expect(parseType("(i32, (i8) -> (i16, i1)) -> ((i64) -> i32)")).toBe(t);
  expect(parseType("() -> ()")).toBe(FunctionType.get([], []));
  // The shared scratch stack must not leak types from one function type into the next.
  const m = parse(`"t.a"() {f = (i1) -> i2, g = (i3, i4) -> ()} : () -> ()`);
  expect(printOp(m)).toContain("{f = (i1) -> i2, g = (i3, i4) -> ()}");
});

test("integer types read from characters match IntegerType.get, with the same errors", () => {
  for (const w of [1, 8, 32, 1024, 1025, 16777215]) expect(parseType(`i${w}`)).toBe(IntegerType.get(w));
  expect(parseType("si7")).toBe(IntegerType.get(7, "signed"));
  expect(parseType("ui16")).toBe(IntegerType.get(16, "unsigned"));
  expect(parseType("i08")).toBe(IntegerType.get(8));
  expect(() => parseType("i0")).toThrow(ParseError);
  expect(() => parseType("i0")).toThrow(/invalid integer width 0/);
  expect(() => parseType("i16777216")).toThrow(/invalid integer width 16777216/);
  expect(() => parseType("i32x")).toThrow(/unknown type 'i32x'/);
  expect(() => parseType("index")).not.toThrow();
});

test("numbered and named SSA values: distinct spellings, scoping and forward references", () => {
  // `%0` and `%00` are different names; long numbers are names too.
  const m = parse(`
%0 = "t.c"() : () -> i1
%00 = "t.c"() : () -> i2
%1234567890 = "t.c"() : () -> i3
%123456789 = "t.c"() : () -> i4
"t.use"(%0, %00, %1234567890, %123456789) : (i1, i2, i3, i4) -> ()`);
  const ops = body(m);
  expect(ops[4]!.operandValues).toEqual(ops.slice(0, 4).map((o) => o.result()));
  // A nested region sees outer values, may not redefine them, and its own vanish when it closes.
  expect(() => parse(`%0 = "t.c"() : () -> i1\n"t.r"() ({\n  %0 = "t.c"() : () -> i1\n}) : () -> ()`)).toThrow(/redefinition of SSA value '%0'/);
  expect(() => parse(`"t.r"() ({\n  %5 = "t.c"() : () -> i1\n}) : () -> ()\n"t.use"(%5) : (i1) -> ()`)).toThrow(/use of undeclared SSA value name '%5'/);
  expect(() => parse(`"t.r"() ({\n  %x = "t.c"() : () -> i1\n}) : () -> ()\n"t.use"(%x) : (i1) -> ()`)).toThrow(/use of undeclared SSA value name '%x'/);
  const reuse = parse(`"t.r"() ({\n  %5 = "t.c"() : () -> i1\n}) : () -> ()\n%5 = "t.c"() : () -> i8`);
  expect(body(reuse)[1]!.result().type).toBe(IntegerType.get(8));
  // A use inside a nested region before the outer definition resolves when it is defined.
  const fwd = parse(`"t.r"() ({\n  "t.use"(%7#1, %n) : (i2, i3) -> ()\n}) : () -> ()\n%7:2 = "t.c"() : () -> (i1, i2)\n%n = "t.c"() : () -> i3`);
  const [r, c, n] = body(fwd);
  expect(r!.region(0).blocks[0]!.first!.operandValues).toEqual([c!.result(1), n!.result()]);
  expect(() => parse(`"t.use"(%3) : (i1) -> ()\n%3 = "t.c"() : () -> i2`)).toThrow(/use of value '%3' expects different type than prior uses: 'i1' vs 'i2'/);
  expect(() => parse(`%0 = "t.c"() : () -> i1\n"t.use"(%0#1) : (i1) -> ()`)).toThrow(/result number 1 of '%0' out of range \(it has 1\)/);
});

test("parsed ops get their file:line:col when their location is first read", () => {
  const m = parseModule(`module {\n  %0 = "t.c"() : () -> i32\n    "t.use"(%0) : (i32) -> () loc("named")\n}`, { context: ctx, file: "in.mlir" });
  const [c, use] = body(m);
  const loc = c!.loc;
  expect(loc).toBeInstanceOf(FileLineColLoc);
  expect([(loc as FileLineColLoc).file, (loc as FileLineColLoc).line, (loc as FileLineColLoc).col]).toEqual(["in.mlir", 2, 3]);
  expect(c!.loc).toBe(loc); // made once
  expect(use!.loc).toEqual(new NameLoc("named"));
  expect((m.loc as FileLineColLoc).line).toBe(1); // a custom-form op
  c!.loc = new NameLoc("moved");
  expect(printOp(m, { debugInfo: true })).toContain(`%0 = "t.c"() : () -> i32 loc("moved")`);
  expect(printOp(m, { debugInfo: true })).toMatch(/^module \{[\s\S]*\} loc\("in.mlir":1:1\)\n$/);

  // The implicit module around loose ops is at the file's start too.
  const loose = parseModule(`\n\n  "t.c"() : () -> ()`, { context: ctx, file: "l.mlir" });
  expect(loose.loc.diagnosticPrefix()).toBe("l.mlir:1:1");
  expect(body(loose)[0]!.loc.diagnosticPrefix()).toBe("l.mlir:3:3");
});

test("op names: escaped spellings decode, same-length names stay distinct", () => {
  const m = parse(`"t.x\\41"() : () -> ()\n"t.xA"() : () -> ()\n"t.x\\41"() : () -> ()\n"t.xB"() : () -> ()\n"t.xA"() : () -> ()\n"t.é"() : () -> ()\n"t.é"() : () -> ()`);
  expect(body(m).map((o) => o.name)).toEqual(["t.xA", "t.xA", "t.xA", "t.xB", "t.xA", "t.é", "t.é"]);
  const reg = parse(`"builtin.module"() ({\n}) : () -> ()\n"builtin.module"() ({\n}) : () -> ()`);
  expect(body(reg).map((o) => o.isRegistered)).toEqual([true, true]);
  // Custom-form names resolve default dialects once per spelling, and unknown ones still fail.
  const nested = parse(`module {\n  module {\n  }\n  builtin.module {\n  }\n}`);
  expect(body(nested).map((o) => o.name)).toEqual(["builtin.module", "builtin.module"]);
  expect(() => parse(`module {\n  module {\n  }\n  modulx {\n  }\n}`)).toThrow(/custom op 'modulx' is unknown/);
});

test("repeated signatures: near spellings parse on their own, at token boundaries only", () => {
  const i = (w: number) => IntegerType.get(w);
  const m = parse(`
%0 = "t.c"() : () -> i32
%1 = "t.c"() : () -> i32
%2 = "t.a"(%0, %1) : (i32, i32) -> i32
%3 = "t.a"(%0, %1) : (i32,i32) -> i32
%4 = "t.a"(%0, %1) : (i32, i32) -> i32
%5 = "t.b"(%4) : (i32) -> (i32)
%6:2 = "t.b"(%5) : (i32) -> (i32, i1)
%7 = "t.c"() : () -> tensor<2x?xf32>
%8 = "t.c"() : () -> tensor<2x?xf32>
%9 = "t.d"(%7) : (tensor<2x?xf32>) -> tensor<*xf32>
%10 = "t.e"() {f = (i1) -> i2, g = (i1) -> i2} : () -> i64
%11 = "t.e"() {f = (i1) -> ((i1) -> i2)} : () -> i64`);
  const ops = body(m);
  const sig = (o: Operation) => FunctionType.get(o.operandValues.map((v) => v.type), o.resultTypes).key;
  expect(ops.map(sig)).toEqual([
    "() -> i32", "() -> i32", "(i32, i32) -> i32", "(i32, i32) -> i32", "(i32, i32) -> i32", "(i32) -> i32", "(i32) -> (i32, i1)",
    "() -> tensor<2x?xf32>", "() -> tensor<2x?xf32>", "(tensor<2x?xf32>) -> tensor<*xf32>", "() -> i64", "() -> i64",
  ]);
  expect(ops[10]!.getAttr("g")).toEqual(ops[10]!.getAttr("f"));
  expect((ops[11]!.getAttr("f") as TypeAttr).type).toBe(FunctionType.get([i(1)], [FunctionType.get([i(1)], [i(2)])]));
  // A cached `() -> i32` must not swallow the start of `i32x4`, nor hide an error after it.
  const pre = `%0 = "t.c"() : () -> i32\n`;
  expect(() => parse(pre + `%1 = "t.c"() : () -> i32x4`)).toThrow(/unknown type 'i32x4'/);
  expect(() => parse(pre + `%1 = "t.c"() : () -> i32 -> i1`)).toThrow(ParseError);
  expect(() => parse(pre + `%1 = "t.c"() : () -> i32\n%2 = "t.c"() : () -> i3`)).not.toThrow();
  expect(() => parse(pre + `"t.e"() {f = (i1) -> (i1) -> i2} : () -> ()`)).toThrow(/expected '}'/);
});

test("signatures with type aliases and dialect types are parsed each time", () => {
  const m = parseModule(`!a = i32\n!b = tensor<4xi8>\n%0 = "t.c"() : () -> !a\n%1 = "t.c"() : () -> !a\n%2 = "t.c"() : () -> !b\n%3 = "t.c"() : () -> !x.y<1>`, { context: ctx });
  expect(body(m).map((o) => o.result().type.key)).toEqual(["i32", "i32", "tensor<4xi8>", "!x.y<1>"]);
});
