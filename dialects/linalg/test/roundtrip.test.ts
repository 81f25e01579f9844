// Pretty and generic forms of every linalg op round-trip exactly in zkmlir (no mlir-opt needed).
import { parseModule, printOp, verify } from "@zkmlir/core";
import { ctx } from "./helpers.js";
import { CASES } from "./interop-cases.js";

for (const [name, src] of Object.entries(CASES)) {
  test(`pretty and generic forms round-trip: ${name}`, () => {
    const m = parseModule(src, { context: ctx });
    verify(m, {}, ctx);
    const pretty = printOp(m);
    expect(printOp(parseModule(pretty, { context: ctx }))).toBe(pretty);
    const generic = printOp(m, { generic: true });
    const back = parseModule(generic, { context: ctx });
    verify(back, {}, ctx);
    expect(printOp(back, { generic: true })).toBe(generic);
    expect(printOp(back)).toBe(pretty);
  });
}

test("pretty forms print as upstream writes them", () => {
  const out = printOp(parseModule(CASES.generic! + CASES.data_movement_and_user_bodies!, { context: ctx }));
  expect(out).toContain(`linalg.generic {doc = "row sums", indexing_maps = [#map, #map1, #map2], iterator_types = ["parallel", "reduction"], library_call = "rowsum"} ins(%arg0, %arg2 : tensor<2x3xf32>, f32) outs(%arg1 : tensor<2xf32>) attrs = {zk.note = 1 : i64} {`);
  expect(out).toContain("%5 = linalg.index 0 : index");
  expect(out).toContain("linalg.transpose ins(%arg0 : tensor<2x3xf32>) outs(%arg1 : tensor<3x2xf32>) permutation = [1, 0]");
  expect(out).toContain("linalg.reduce ins(%arg3 : tensor<3x5xf32>) outs(%arg4 : tensor<3xf32>) dimensions = [1] (%arg7: f32, %arg8: f32) {");
});
