// Declared parametric dialect types (the fixed-point level will need `!fixedpoint.fixed<...>`):
// parameters, verifier, uniquing, textual round trip, and clear errors.
import { defineAttr, defineType, parseAttribute, parseModule, parseType, printOp, Context, BuiltinDialect, DialectAttr, DialectType, Printer, ZkmlirError } from "../src/index.js";

const Fixed = defineType({
  dialect: "testfp",
  name: "fixed",
  summary: "a signed fixed-point number with `frac` fractional bits in `bits` bits",
  params: [{ name: "frac", kind: "int" }, { name: "bits", kind: "int" }],
  verify: (p) => {
    const frac = p["frac"] as number, bits = p["bits"] as number;
    if (bits < 2 || bits > 64) return `bits must be in [2, 64], got ${bits}`;
    if (frac < 0 || frac >= bits) return `frac must be in [0, bits), got ${frac}`;
    return undefined;
  },
});

test("a declared type is uniqued, printed and parsed with its parameters", () => {
  const t = Fixed.get({ frac: 8, bits: 24 });
  expect(t).toBe(Fixed.get({ bits: 24, frac: 8 }));
  expect(t.key).toBe("!testfp.fixed<frac = 8, bits = 24>");
  expect(parseType("!testfp.fixed<frac = 8, bits = 24>")).toBe(t);
  expect(Fixed.is(t)).toBe(true);
  expect((t as DialectType).params).toEqual({ frac: 8, bits: 24 });
  const ctx = new Context({ dialects: [BuiltinDialect], allowUnregistered: true });
  const src = `"test.q"() : () -> tensor<4x!testfp.fixed<frac = 8, bits = 24>>`;
  const out = printOp(parseModule(src, { context: ctx }), { generic: true });
  expect(out).toContain("tensor<4x!testfp.fixed<frac = 8, bits = 24>>");
});

test("invalid parameters are located errors naming the rule", () => {
  expect(() => Fixed.get({ frac: 30, bits: 24 })).toThrow(/frac must be in \[0, bits\), got 30/);
  expect(() => Fixed.get({ frac: 1 } as never)).toThrow(/parameter 'bits' must be int/);
  try {
    parseModule(`"test.q"() : () -> !testfp.fixed<frac = 9, bits = 1>`, { allowUnregistered: true, file: "q.mlir" });
    throw new Error("accepted");
  } catch (e) {
    expect(e).toBeInstanceOf(ZkmlirError);
    expect((e as ZkmlirError).format()).toMatch(/^q\.mlir:1:20: error: !testfp\.fixed: bits must be in \[2, 64\]/);
  }
  expect(() => parseType("!testfp.fixed<frac = 8, width = 24>")).toThrow(/has no parameter 'width'/);
});

const Scale = defineAttr({
  dialect: "testfp",
  name: "scale",
  params: [{ name: "frac", kind: "int" }, { name: "signed", kind: "bool" }],
  verify: (p) => ((p["frac"] as number) < 0 ? `frac must be >= 0, got ${p["frac"]}` : undefined),
});

test("a declared parametric attribute: canonical text, parameters, round trip, errors", () => {
  const a = Scale.get({ signed: true, frac: 8 });
  expect(new Printer().attrText(a)).toBe("#testfp.scale<frac = 8, signed = true>");
  expect(a.params).toEqual({ frac: 8, signed: true });
  const parsed = parseAttribute("#testfp.scale<signed = true, frac = 8>");
  expect(Scale.is(parsed)).toBe(true);
  expect(parsed.equals(a)).toBe(true);
  expect((parsed as DialectAttr).params).toEqual({ frac: 8, signed: true });
  expect(() => parseAttribute("#testfp.scale<frac = -1, signed = false>")).toThrow(/#testfp\.scale: frac must be >= 0, got -1/);
  expect(() => parseAttribute("#testfp.scale<bits = 3>")).toThrow(/#testfp\.scale has no parameter 'bits'/);
  const ctx = new Context({ dialects: [BuiltinDialect], allowUnregistered: true });
  const out = printOp(parseModule(`"test.q"() {s = #testfp.scale<signed = false, frac = 4>} : () -> ()`, { context: ctx }), { generic: true });
  expect(out).toContain("{s = #testfp.scale<frac = 4, signed = false>}");
});
