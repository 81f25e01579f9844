// The IntRange lattice: views kept consistent, joins are hulls, i1 is [-1, 0] signed and [0, 1] unsigned; and
// the analysis over ops without rules (every integer result top, non-integers not-int).
import {
  IntRange, IntRangeAnalysis, IntRangeLattice, Context, BuiltinDialect, parseModule, AnalysisManager, PassManager, Pass,
  type Operation,
} from "../src/index.js";

test("signed and unsigned views imply each other where they can", () => {
  expect(IntRange.fromSigned(8, 3n, 7n).toString()).toBe("signed [3, 7] unsigned [3, 7]");
  expect(IntRange.fromSigned(8, -2n, -1n).toString()).toBe("signed [-2, -1] unsigned [254, 255]");
  expect(IntRange.fromSigned(8, -1n, 1n).toString()).toBe("signed [-1, 1] unsigned [0, 255]");
  expect(IntRange.fromUnsigned(8, 100n, 200n).toString()).toBe("signed [-128, 127] unsigned [100, 200]");
  expect(IntRange.fromSigned(8, -129n, 0n).isTop).toBe(true); // leaves i8
  expect(IntRange.constant(8, 200n).toString()).toBe("signed [-56, -56] unsigned [200, 200]");
  // i1 as upstream: true (stored 1) is -1 in the signed view.
  expect(IntRange.top(1).toString()).toBe("signed [-1, 0] unsigned [0, 1]");
  expect(IntRange.constant(1, 1n).toString()).toBe("signed [-1, -1] unsigned [1, 1]");
  expect(IntRange.constant(1, 1n).constantValue).toBe(-1n);
  expect(IntRange.fromSigned(1, -1n, -1n).toString()).toBe("signed [-1, -1] unsigned [1, 1]");
  expect(IntRange.fromUnsigned(1, 0n, 0n).toString()).toBe("signed [0, 0] unsigned [0, 0]");
  expect(IntRange.fromSigned(1, 0n, 1n).isTop).toBe(true); // 1 is not an i1 signed value
  expect(IntRange.constant(1, 1n).contains(1n)).toBe(true);
  expect(IntRange.constant(1, 0n).contains(1n)).toBe(false);
});

test("join is the hull of both views and contains both operands' values", () => {
  const a = IntRange.constant(8, -3n), b = IntRange.constant(8, 5n);
  const j = a.join(b);
  expect(j.toString()).toBe("signed [-3, 5] unsigned [5, 253]");
  // Both views together hold exactly {-3, 5}: the unsigned hull [5, 253] excludes 0..4 and -2, -1.
  const held: bigint[] = [];
  for (let v = -128n; v < 128n; v++) if (j.contains(v)) held.push(v);
  expect(held).toEqual([-3n, 5n]);
  expect(IntRange.fromUnsigned(8, 1n, 2n).join(IntRange.fromUnsigned(8, 250n, 251n)).toString()).toBe("signed [-6, 2] unsigned [1, 251]"); // 250, 251 are -6, -5 signed
  expect(() => a.join(IntRange.top(16))).toThrow(/widths 8 and 16/);
});

test("ops without rules give the full range of their width; non-integer values have no range", () => {
  const ctx = new Context({ dialects: [BuiltinDialect], allowUnregistered: true });
  const m = parseModule(`"test.f"() ({
  ^bb0(%a: i16, %f: f32):
    %x = "test.opaque"(%a) : (i16) -> index
    "test.use"(%x, %f) : (index, f32) -> ()
  }) : () -> ()`, { context: ctx });
  const an = new IntRangeAnalysis(m);
  let use: Operation | undefined;
  m.walk((op) => { if (op.name === "test.use") use = op; });
  expect(an.range(use!.operand(0))).toEqual(IntRange.top(64));
  expect(an.range(use!.operand(1))).toBeUndefined();
  expect(IntRangeLattice.top(use!.operand(1)).isNotInt).toBe(true);
});

class UseRangesPass extends Pass {
  readonly argument = "use-ranges";
  readonly description = "reads the range analysis";
  constructor(private readonly keep: boolean) { super(); }
  run(op: Operation, am: AnalysisManager): void {
    am.get(IntRangeAnalysis, op);
    if (this.keep) am.preserve(IntRangeAnalysis);
  }
}

test("through the pass manager the analysis is reused while preserved and recomputed after", () => {
  const ctx = new Context({ dialects: [BuiltinDialect], allowUnregistered: true });
  const m = parseModule(`"test.op"() : () -> i32`, { context: ctx });
  const count = (passes: boolean[]) => {
    const pm = new PassManager(ctx);
    for (const keep of passes) pm.addPass(new UseRangesPass(keep));
    const before = IntRangeAnalysis.runs;
    pm.run(m);
    return IntRangeAnalysis.runs - before;
  };
  expect(count([true, true, true])).toBe(1);
  expect(count([false, false, false])).toBe(3);
  expect(count([true, false, true])).toBe(2);
});
