// Behaviour of the printer's fast paths: per-isolated-region name tables, cached `%N` and quoted op
// names, pieces joined at the end (nested dictionaries), and assembly formats resolved once.
import {
  assemblyFormat, defineOp, parseModule, printOp, Context, BuiltinDialect, IsolatedFromAbove, NoTerminator, SameOperandsAndResultType,
  Block, Operation, IntegerAttr, IntegerType, UnitAttr, DictionaryAttr, DialectAttr, StringAttr, NameLoc, Printer,
  type Dialect, type OpDef,
} from "../src/index.js";

const defs: Record<string, OpDef> = {};
const def = (d: OpDef): OpDef => (defs[d.name] = d);
def(defineOp({ name: "pp.iso", regions: [{ name: "body" }], traits: [IsolatedFromAbove, NoTerminator] }));
def(defineOp({
  name: "pp.bin",
  operands: [{ name: "lhs" }, { name: "rhs" }],
  results: [{ name: "result" }],
  attributes: { mode: { default: new IntegerAttr(0n, IntegerType.get(8)) } },
  traits: [SameOperandsAndResultType],
  format: assemblyFormat("$lhs `,` $rhs attr-dict `:` type($result)", () => defs["pp.bin"]!),
}));
def(defineOp({
  name: "pp.pack",
  operands: [{ name: "ins", arity: "variadic" }],
  results: [{ name: "outs", arity: "variadic" }],
  format: assemblyFormat("`(` $ins `)` attr-dict `:` type($ins) `->` type(results)", () => defs["pp.pack"]!),
}));
def(defineOp({
  name: "pp.tagged",
  operands: [{ name: "x" }],
  results: [{ name: "r" }],
  attributes: { tag: {} },
  format: assemblyFormat("$tag $x attr-dict `:` type($x) `to` type($r)", () => defs["pp.tagged"]!),
}));
const PpDialect: Dialect = { name: "pp", ops: Object.values(defs) };
const ctx = new Context({ dialects: [BuiltinDialect, PpDialect], allowUnregistered: true });
const parse = (src: string): Operation => parseModule(src, { context: ctx });

test("names restart in each isolated region and continue in the enclosing one", () => {
  const src = `module {
  %0 = "t.c"() : () -> i32
  "pp.iso"() ({
    %0 = "t.c"() : () -> i32
    %1 = pp.bin %0, %0 : i32
  }) : () -> ()
  %1 = "t.c"() : () -> i32
  "pp.iso"() ({
  ^bb0(%arg0: i32):
    %0 = "t.u"(%arg0) : (i32) -> i64
  }) : () -> ()
  %2 = pp.bin %0, %1 : i32
}`;
  const out = printOp(parse(src));
  expect(out).toBe(src + "\n");
  expect(printOp(parse(out))).toBe(out);
});

test("a value used outside its isolated region still prints its name (invalid IR stays readable)", () => {
  const m = parse(`"pp.iso"() ({\n  %0 = "t.c"() : () -> i32\n}) : () -> ()`);
  const inner = m.region(0).blocks[0]!.first!.region(0).blocks[0]!.first!;
  const leak = Operation.create({ name: "t.use", operands: [inner.result()] });
  m.region(0).blocks[0]!.append(leak);
  expect(printOp(m)).toContain(`"t.use"(%0) : (i32) -> ()`);
  // A value from outside what is printed has no name.
  const lone = Operation.create({ name: "t.use", operands: [inner.result()] });
  expect(printOp(lone)).toBe(`"t.use"(%<<UNKNOWN SSA VALUE>>) : (i32) -> ()\n`);
});

test("result numbers beyond the shared name cache print correctly", () => {
  const n = (1 << 14) + 3;
  const block = new Block();
  for (let i = 0; i < n; i++) block.append(Operation.create({ name: "t.c", resultTypes: [IntegerType.get(1)] }));
  block.append(Operation.create({ name: "t.use", operands: [block.first!.result(), block.last!.result()] }));
  const m = Operation.create({ name: "builtin.module", regions: 1 });
  m.region(0).addBlock(block);
  const out = printOp(m, { generic: true });
  expect(out).toContain(`  %${n - 1} = "t.c"() : () -> i1\n  "t.use"(%0, %${n - 1}) : (i1, i1) -> ()`);
  expect(out).toContain(`  %16383 = "t.c"() : () -> i1\n  %16384 = "t.c"() : () -> i1\n`);
});

test("op names are quoted and escaped in the generic form, every time", () => {
  const op = Operation.create({ name: 't.we"ird\\name' });
  const once = printOp(op);
  expect(once).toBe(`"t.we\\"ird\\\\name"() : () -> ()\n`);
  expect(printOp(op)).toBe(once);
});

test("nested dictionaries print in place between other pieces", () => {
  const src = `"t.a"() <{p = {z = 1 : i32, a = {b = unit}}}> {d = [{k = "v"}, 2 : i8], e} : () -> ()`;
  const out = printOp(parse(src));
  expect(out).toBe(`module {\n  "t.a"() <{p = {a = {b}, z = 1 : i32}}> {d = [{k = "v"}, 2 : i8], e} : () -> ()\n}\n`);
});

test("assembly formats: defaults elided, attributes, variadic groups and result types", () => {
  const src = `module {
  %0 = "t.c"() : () -> i32
  %1 = pp.bin %0, %0 {mode = 1 : i8} : i32
  %2 = pp.bin %0, %1 : i32
  %3:2 = pp.pack (%0, %1, %2) {extra} : i32, i32, i32 -> i8, i16
  %4 = pp.tagged 7 : i64 %0 : i32 to f32
}`;
  const m = parse(src);
  // The default `mode` is elided when printing, whether it was written or not.
  const bin = m.region(0).blocks[0]!.first!.next!.next!;
  bin.setAttr("mode", new IntegerAttr(0n, IntegerType.get(8)));
  bin.setAttr("u", UnitAttr.instance);
  const out = printOp(m);
  expect(out).toBe(src.replace("%2 = pp.bin %0, %1 : i32", "%2 = pp.bin %0, %1 {u} : i32") + "\n");
  expect(printOp(parse(out))).toBe(out);
  const generic = printOp(m, { generic: true });
  expect(generic).toContain(`%2 = "pp.bin"(%0, %1) <{mode = 0 : i8}> {u} : (i32, i32) -> i32`);
  // Empty groups print nothing (spacing as MLIR: no space after an opener, none before a closer).
  const empty = Operation.create({ name: "pp.pack", resultTypes: [IntegerType.get(1)] });
  expect(printOp(empty)).toBe("%0 = pp.pack () : -> i1\n");
});

test("a format naming an unknown operand fails when printed, naming it", () => {
  const bad = defineOp({ name: "pp.bad", operands: [{ name: "x" }], format: assemblyFormat("$y attr-dict", () => bad) });
  const op = Operation.create({ name: "pp.bad" });
  expect(() => printOp(op)).toThrow(/declares no operand 'y'/);
});

test("non-ASCII text (locations, dialect attributes) prints exactly, also inside dictionaries", () => {
  const op = Operation.create({
    name: "t.a",
    attributes: { d: new DictionaryAttr([["k", new DialectAttr("t", "x", "é\u{1F600}")]]), s: new StringAttr("é") },
    loc: new NameLoc("naïve \u{1F600} \uD800 end"),
  });
  const before = Operation.create({ name: "t.b", attributes: { d: new DictionaryAttr([["k", new DialectAttr("t", "y", "ascii")]]) } });
  const block = new Block();
  block.append(before);
  block.append(op);
  const m = Operation.create({ name: "builtin.module", regions: 1 });
  m.region(0).addBlock(block);
  const out = printOp(m, { debugInfo: true });
  expect(out).toBe([
    "module {",
    `  "t.b"() {d = {k = #t.y<ascii>}} : () -> () loc(unknown)`,
    `  "t.a"() {d = {k = #t.x<é\u{1F600}>}, s = "\\C3\\A9"} : () -> () loc("naïve \u{1F600} \\ud800 end")`,
    "} loc(unknown)",
    "",
  ].join("\n"));
  // A lone surrogate written by a custom printer is kept as is.
  const p = new Printer();
  p.write("a\uD800b");
  expect(p.printTopLevel(Operation.create({ name: "t.c" }))).toBe(`a\uD800b"t.c"() : () -> ()\n`);
});

test("dictionaries sort by name at any size, stable for a name in both properties and attributes", () => {
  const names = Array.from({ length: 40 }, (_, i) => `k${(i * 17) % 40}`);
  const op = Operation.create({ name: "t.a", attributes: Object.fromEntries(names.map((n, i) => [n, new IntegerAttr(BigInt(i), IntegerType.get(8))])) });
  const sorted = [...names].sort();
  const out = printOp(op);
  const positions = sorted.map((n) => out.search(new RegExp(`[{ ]${n} = `)));
  expect(positions.every((p) => p > 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  // The custom form prints properties and attributes in one dictionary; a name in both prints twice, property first.
  const bin = parse(`%0 = "t.c"() : () -> i32\n%1 = pp.bin %0, %0 {mode = 3 : i8, z = 1 : i8, a = 2 : i8} : i32`).region(0).blocks[0]!.last!;
  bin.setDiscardableAttr("mode", new IntegerAttr(4n, IntegerType.get(8)));
  expect(printOp(bin)).toBe(`%0 = pp.bin %<<UNKNOWN SSA VALUE>>, %<<UNKNOWN SSA VALUE>> {a = 2 : i8, mode = 3 : i8, mode = 4 : i8, z = 1 : i8} : i32\n`);
});

test("long pieces (kept as strings) print in place, also inside nested dictionaries", () => {
  const long = "x".repeat(5000);
  const wide = "é\uD800".repeat(1500);
  const op = Operation.create({
    name: "t.a",
    attributes: {
      a: new DictionaryAttr([["s", new StringAttr(long)], ["t", new DialectAttr("t", "w", wide)]]),
      b: new DialectAttr("t", "v", long),
    },
  });
  const out = printOp(op);
  expect(out).toBe(`"t.a"() {a = {s = "${long}", t = #t.w<${wide}>}, b = #t.v<${long}>} : () -> ()\n`);
  const p = new Printer();
  p.write("é");
  p.write(wide);
  p.write("b");
  expect(p.printTopLevel(Operation.create({ name: "t.c" }))).toBe(`é${wide}b"t.c"() : () -> ()\n`);
});
