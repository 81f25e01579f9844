// Declared parametric dialect types (the fixed-point level will need `!fixedpoint.fixed<...>`):
// parameters, verifier, uniquing, textual round trip, and clear errors.
import { defineType, parseModule, parseType, printOp, Context, BuiltinDialect, DialectType, ZkmlirError } from "../src/index.js";

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
