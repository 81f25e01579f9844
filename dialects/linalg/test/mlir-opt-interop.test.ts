// Interop with the real MLIR: what zkmlir prints in generic form is accepted by mlir-opt-19
// (no --allow-unregistered-dialect) and mlir-opt's output parses back to the same module; and
// our builders produce exactly what mlir-opt makes of the hand-written pretty form.
import { parseModule, printOp, verify } from "@zkmlir/core";
import { ctx, generic, haveMlirOpt, mlirOpt } from "./helpers.js";
import { CASES } from "./interop-cases.js";
import { BUILT } from "./interop-built.js";

const maybe = haveMlirOpt ? test : test.skip;

function roundTrip(src: string): void {
  const m = parseModule(src, { context: ctx });
  verify(m, {}, ctx);
  const ours = printOp(m, { generic: true });
  const theirs = mlirOpt(ours);
  const back = parseModule(theirs, { context: ctx });
  verify(back, {}, ctx);
  expect(generic(back)).toBe(generic(parseModule(ours, { context: ctx })));
}

for (const [name, src] of Object.entries(CASES)) {
  maybe(`mlir-opt-19 accepts and round-trips: ${name}`, () => roundTrip(src));
}

for (const [name, { pretty, build }] of Object.entries(BUILT)) {
  maybe(`builder output equals mlir-opt-19's generic form of the pretty op: ${name}`, () => {
    const theirs = parseModule(mlirOpt(pretty), { context: ctx });
    const ours = build();
    verify(ours, {}, ctx);
    expect(generic(ours)).toBe(generic(theirs));
  });
}

maybe("the comparison can fail: a different body is detected", () => {
  const a = `func.func @f(%a: tensor<2xf32>) -> tensor<2xf32> {
    %0 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%a : tensor<2xf32>) outs(%a : tensor<2xf32>) {
    ^bb0(%x: f32, %o: f32):
      %s = arith.addf %x, %o : f32
      linalg.yield %s : f32
    } -> tensor<2xf32>
    return %0 : tensor<2xf32>
  }`;
  const theirs = parseModule(mlirOpt(a.replace("arith.addf", "arith.mulf")), { context: ctx });
  expect(generic(theirs)).not.toBe(generic(parseModule(a, { context: ctx })));
});
