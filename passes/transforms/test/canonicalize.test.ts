import { GreedyNonConvergenceError, pattern } from "@zkmlir/core";
import { CanonicalizePass } from "../src/index.js";
import { ctx, parse, print } from "./test-dialect.js";

test("folds, applies dialect canonicalization patterns, erases dead ops and counts them", () => {
  const m = parse(`
%x = "test.src"() : () -> i32
%a = "tt.const"() <{value = 2 : i32}> : () -> i32
%b = "tt.add"(%a, %a) : (i32, i32) -> i32
%n = "tt.neg"(%x) : (i32) -> i32
%nn = "tt.neg"(%n) : (i32) -> i32
%dead = "tt.neg"(%b) : (i32) -> i32
"test.use"(%b, %nn) : (i32, i32) -> ()`);
  const p = new CanonicalizePass({ context: ctx });
  p.run(m);
  expect(print(m)).toBe(print(parse(`
%c = "tt.const"() <{value = 4 : i32}> : () -> i32
%x = "test.src"() : () -> i32
"test.use"(%c, %x) : (i32, i32) -> ()`)));
  expect(p.statistics.get("num-rewrites")).toBe(1);
  expect(p.statistics.get("num-folds")).toBe(1);
  expect(p.statistics.get("num-erased")).toBe(5);
});

test("options: max-iterations and test-convergence", () => {
  const flip = [
    pattern("test.a", (op, r) => { r.replaceOpWithNew(op, { name: "test.b" }); return true; }),
    pattern("test.b", (op, r) => { r.replaceOpWithNew(op, { name: "test.a" }); return true; }),
  ];
  const m = parse(`"test.a"() : () -> ()`);
  const lenient = new CanonicalizePass({ context: ctx, patterns: flip });
  lenient.options = { "max-iterations": 2 };
  lenient.run(m);
  expect(lenient.statistics.get("num-not-converged")).toBe(1);
  const strict = new CanonicalizePass({ context: ctx, patterns: flip });
  strict.options = { "max-iterations": 3, "test-convergence": true };
  expect(() => strict.run(m)).toThrow(GreedyNonConvergenceError);
  expect(() => strict.run(m)).toThrow(/did not converge after 3 iterations/);
});
