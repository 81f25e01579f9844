// Behaviour of the verifier's allocation-free paths: in-place same-type trait checks (same
// messages as the traits' own), group type checks without range lists, and the dominance check's
// short backward scan with its position-table fallback.
import {
  defineOp, parseModule, verify, Context, BuiltinDialect, SameOperandsAndResultType, SameTypeOperands, VerifyError,
  AnyInteger, AnyFloat, Operation, type Dialect,
} from "../src/index.js";

const Same = defineOp({ name: "pv.same", operands: [{ name: "xs", arity: "variadic" }], results: [{ name: "rs", arity: "variadic" }], traits: [SameOperandsAndResultType] });
const SameOps = defineOp({ name: "pv.sameops", operands: [{ name: "xs", arity: "variadic" }], results: [{ name: "rs", arity: "variadic" }], traits: [SameTypeOperands] });
const Seg = defineOp({
  name: "pv.seg",
  operands: [{ name: "a", type: AnyInteger }, { name: "b", arity: "variadic", type: AnyFloat }, { name: "c", arity: "optional", type: AnyInteger }],
});
const Var = defineOp({ name: "pv.var", operands: [{ name: "head", type: AnyInteger }, { name: "rest", arity: "variadic", type: AnyFloat }] });
const PvDialect: Dialect = { name: "pv", ops: [Same, SameOps, Seg, Var] };
const ctx = new Context({ dialects: [BuiltinDialect, PvDialect], allowUnregistered: true });
const parse = (src: string): Operation => parseModule(src, { context: ctx });
const verifyError = (src: string): string => {
  try {
    verify(parse(src), {}, ctx);
  } catch (e) {
    expect(e).toBeInstanceOf(VerifyError);
    return (e as Error).message;
  }
  throw new Error("expected a verification error");
};

test("same-type traits: the verifier's messages are the traits' own", () => {
  const cases = [
    [`%a = "t.c"() : () -> i32\n%b = "t.c"() : () -> i64\n"pv.same"(%a, %b) : (i32, i64) -> ()`, Same],
    [`%a = "t.c"() : () -> i32\n%r = "pv.same"(%a, %a) : (i32, i32) -> f32`, Same],
    [`%r:2 = "pv.same"() : () -> (i1, i2)`, Same],
    [`%a = "t.c"() : () -> i32\n%b = "t.c"() : () -> i64\n%r = "pv.sameops"(%a, %b) : (i32, i64) -> f32`, SameOps],
  ] as const;
  for (const [src, def] of cases) {
    const op = parse(src).region(0).blocks[0]!.last!;
    const own = def.traitList[0]!.verify!(op);
    expect(own).toBeDefined();
    expect(verifyError(src)).toBe(`'${op.name}' op ${own}`);
  }
  expect(() => verify(parse(`%a = "t.c"() : () -> i32\n%r = "pv.same"(%a, %a) : (i32, i32) -> i32`), {}, ctx)).not.toThrow();
  expect(() => verify(parse(`%a = "t.c"() : () -> i32\n%r = "pv.sameops"(%a, %a) : (i32, i32) -> f32`), {}, ctx)).not.toThrow();
  expect(() => verify(parse(`"pv.same"() : () -> ()`), {}, ctx)).not.toThrow();
});

test("group type checks name the offending operand, with and without segment sizes", () => {
  const pre = `%i = "t.c"() : () -> i32\n%f = "t.c"() : () -> f32\n`;
  expect(verifyError(pre + `"pv.var"(%i, %f, %i) : (i32, f32, i32) -> ()`)).toBe(`'pv.var' op operand #2 ('rest') must be floating-point, but got 'i32'`);
  expect(verifyError(pre + `"pv.var"(%f) : (f32) -> ()`)).toBe(`'pv.var' op operand #0 ('head') must be integer, but got 'f32'`);
  const seg = (sizes: string, ops: string, types: string) => pre + `"pv.seg"(${ops}) <{operandSegmentSizes = array<i32: ${sizes}>}> : (${types}) -> ()`;
  expect(() => verify(parse(seg("1, 2, 1", "%i, %f, %f, %i", "i32, f32, f32, i32")), {}, ctx)).not.toThrow();
  expect(() => verify(parse(seg("1, 0, 0", "%i", "i32")), {}, ctx)).not.toThrow();
  expect(verifyError(seg("1, 1, 1", "%i, %f, %f", "i32, f32, f32"))).toBe(`'pv.seg' op operand #2 ('c') must be integer, but got 'f32'`);
  expect(verifyError(seg("1, 2, 0", "%i, %f, %i", "i32, f32, i32"))).toBe(`'pv.seg' op operand #2 ('b') must be floating-point, but got 'i32'`);
  expect(verifyError(seg("1, 1, 2", "%i, %f, %i, %i", "i32, f32, i32, i32"))).toBe(`'pv.seg' op operand group 'c' has 2 values`);
  expect(verifyError(seg("1, 1", "%i, %f", "i32, f32"))).toBe(`'pv.seg' op requires attribute 'operandSegmentSizes' with 3 elements`);
});

/** A block of `n` constants with a use of constant `from` inserted before constant `at`. */
function chain(n: number, from: number, at: number): Operation {
  const m = parse(Array.from({ length: n }, () => `"t.c"() : () -> i32`).join("\n"));
  const ops = m.region(0).blocks[0]!.opsArray();
  const use = Operation.create({ name: "t.use", operands: [ops[from]!.result()] });
  m.region(0).blocks[0]!.insertBefore(use, ops[at] ?? null);
  return m;
}

test("dominance in one block: near and far definitions, before and after the use", () => {
  const ok = (m: Operation) => expect(() => verify(m, {}, ctx)).not.toThrow();
  const bad = (m: Operation) => expect(() => verify(m, {}, ctx)).toThrow(/operand #0 of 't.use' does not dominate this use/);
  ok(chain(40, 38, 39)); // defined just before
  ok(chain(40, 0, 39)); // defined far before (past the short scan)
  ok(chain(40, 0, 1));
  bad(chain(40, 39, 0)); // defined far after
  bad(chain(40, 5, 5)); // defined just after
  bad(chain(40, 30, 10));
  expect(() => verify(parse(`%0 = "t.self"(%0) : (i32) -> i32`), {}, ctx)).toThrow(/uses its own result/);
});

test("dominance across nested regions uses the ancestor's position", () => {
  const src = (defFirst: boolean) => {
    const def = `%v = "t.c"() : () -> i32`;
    const pad = Array.from({ length: 20 }, () => `"t.pad"() : () -> ()`).join("\n");
    const region = `"t.r"() ({\n  "t.use"(%v) : (i32) -> ()\n}) : () -> ()`;
    return defFirst ? [def, pad, region].join("\n") : [region, pad, def].join("\n");
  };
  expect(() => verify(parse(src(true)), {}, ctx)).not.toThrow();
  expect(() => verify(parse(src(false)), {}, ctx)).toThrow(/operand #0 of 't.use' does not dominate this use/);
});
