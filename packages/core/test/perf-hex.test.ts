// Hex dense data and resource blobs through the table-driven hex conversion: every byte value
// round-trips, either case parses, and anything that is not a hex digit is a located error.
import { parseModule, printOp, Context, BuiltinDialect, DenseElementsAttr, ParseError, type Operation } from "../src/index.js";

const ctx = new Context({ dialects: [BuiltinDialect], allowUnregistered: true });
const parse = (src: string): Operation => parseModule(src, { context: ctx });
const hexOf = (bytes: number[]): string => bytes.map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join("");
const all = Array.from({ length: 256 }, (_, i) => i);

test("every byte value round-trips through dense hex", () => {
  const src = `"t.w"() {w = dense<"0x${hexOf(all)}"> : tensor<256xui8>} : () -> ()`;
  const m = parse(src);
  const w = m.region(0).blocks[0]!.first!.getAttr("w") as DenseElementsAttr;
  expect(Array.from(w.data as Uint8Array)).toEqual(all);
  expect(printOp(m)).toContain(`dense<"0x${hexOf(all)}"> : tensor<256xui8>`);
  // Lower-case digits parse to the same bytes.
  const lower = parse(src.replace(hexOf(all), hexOf(all).toLowerCase()));
  expect((lower.region(0).blocks[0]!.first!.getAttr("w") as DenseElementsAttr).equals(w)).toBe(true);
});

test("non-hex characters and odd lengths are errors", () => {
  const bad = (hex: string) => `"t.w"() {w = dense<"0x${hex}"> : tensor<2xui8>} : () -> ()`;
  expect(() => parse(bad("0A0B"))).not.toThrow();
  // (parseInt per byte used to accept "0G" as 0x00, " 0" as 0x00 and "-1" as 0xFF.)
  for (const h of ["0G0B", "0A 0", "+1FF", "-1FF", "0A0", "0Aé1"]) {
    expect(() => parse(bad(h))).toThrow(ParseError);
    expect(() => parse(bad(h))).toThrow(/malformed hex string in dense attribute/);
  }
  expect(() => parse(`"t.a"() : () -> ()\n{-#\n  dialect_resources: {\n    builtin: {\n      r: "0x0400000G"\n    }\n  }\n#-}`)).toThrow(/malformed resource blob 'r'/);
});
