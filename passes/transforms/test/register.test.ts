import { PassRegistry } from "@zkmlir/core";
import { registerTransformPasses, CanonicalizePass } from "../src/index.js";
import { ctx, parse, print } from "./test-dialect.js";

test("registerTransformPasses registers canonicalize, cse and symbol-dce with their options", () => {
  const reg = new PassRegistry();
  registerTransformPasses(reg, ctx);
  expect(reg.passInfos.map((p) => p.argument).sort()).toEqual(["canonicalize", "cse", "symbol-dce"]);
  expect(Object.keys(reg.lookupPass("canonicalize")!.optionSpecs)).toContain("max-iterations");
  const p = reg.create("canonicalize", { "top-down": "false" });
  expect(p).toBeInstanceOf(CanonicalizePass);
  const m = parse(`%a = "tt.const"() <{value = 1 : i32}> : () -> i32\n%b = "tt.add"(%a, %a) : (i32, i32) -> i32\n"test.use"(%b) : (i32) -> ()`);
  p.run(m, undefined as never);
  expect(print(m)).toContain(`<{value = 2 : i32}>`);
});
