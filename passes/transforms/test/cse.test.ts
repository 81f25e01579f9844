import { CSEPass } from "../src/index.js";
import { parse, print } from "./test-dialect.js";

function cse(src: string) {
  const m = parse(src);
  const p = new CSEPass();
  p.run(m);
  return { out: print(m), stats: Object.fromEntries(p.statistics) };
}

test("merges equal pure ops, into nested regions but not across isolated ones or sibling regions", () => {
  const { out, stats } = cse(`
%x = "test.src"() : () -> i32
%k = "tt.k"() <{v = 1 : i32}> : () -> i32
%a = "tt.add"(%x, %k) : (i32, i32) -> i32
%b = "tt.add"(%x, %k) : (i32, i32) -> i32
"tt.region"() ({
  %k2 = "tt.k"() <{v = 1 : i32}> : () -> i32
  %n = "tt.neg"(%b) : (i32) -> i32
  "test.use"(%k2, %n) : (i32, i32) -> ()
  "tt.yield"() : () -> ()
}) : () -> ()
"tt.region"() ({
  %n2 = "tt.neg"(%a) : (i32) -> i32
  "test.use"(%n2) : (i32) -> ()
  "tt.yield"() : () -> ()
}) : () -> ()
"tt.isolated"() ({
  %k3 = "tt.k"() <{v = 1 : i32}> : () -> i32
  %k4 = "tt.k"() <{v = 1 : i32}> : () -> i32
  %k5 = "tt.k"() <{v = 2 : i32}> : () -> i32
  "test.use"(%k3, %k4, %k5) : (i32, i32, i32) -> ()
  "tt.yield"() : () -> ()
}) : () -> ()
"test.unregistered_region"() ({
  %k6 = "tt.k"() <{v = 1 : i32}> : () -> i32
  "test.use"(%k6) : (i32) -> ()
}) : () -> ()
"test.use"(%a, %b) : (i32, i32) -> ()`);
  expect(out).toBe(print(parse(`
%x = "test.src"() : () -> i32
%k = "tt.k"() <{v = 1 : i32}> : () -> i32
%a = "tt.add"(%x, %k) : (i32, i32) -> i32
"tt.region"() ({
  %n = "tt.neg"(%a) : (i32) -> i32
  "test.use"(%k, %n) : (i32, i32) -> ()
  "tt.yield"() : () -> ()
}) : () -> ()
"tt.region"() ({
  %n2 = "tt.neg"(%a) : (i32) -> i32
  "test.use"(%n2) : (i32) -> ()
  "tt.yield"() : () -> ()
}) : () -> ()
"tt.isolated"() ({
  %k3 = "tt.k"() <{v = 1 : i32}> : () -> i32
  %k5 = "tt.k"() <{v = 2 : i32}> : () -> i32
  "test.use"(%k3, %k3, %k5) : (i32, i32, i32) -> ()
  "tt.yield"() : () -> ()
}) : () -> ()
"test.unregistered_region"() ({
  %k6 = "tt.k"() <{v = 1 : i32}> : () -> i32
  "test.use"(%k6) : (i32) -> ()
}) : () -> ()
"test.use"(%a, %a) : (i32, i32) -> ()`)));
  expect(stats).toEqual({ "num-cse'd": 3 });
});

test("non-pure ops are never merged; dead pure ops are erased", () => {
  const { out, stats } = cse(`
%a = "test.src"() : () -> i32
%b = "test.src"() : () -> i32
%d = "tt.neg"(%a) : (i32) -> i32
"test.use"(%a, %b) : (i32, i32) -> ()`);
  expect(out).toBe(print(parse(`
%a = "test.src"() : () -> i32
%b = "test.src"() : () -> i32
"test.use"(%a, %b) : (i32, i32) -> ()`)));
  expect(stats).toEqual({ "num-dce'd": 1 });
});

test("a non-entry block sees its entry block but not its siblings", () => {
  const { out } = cse(`
"tt.region"() ({
^bb0:
  %x = "tt.k"() <{v = 1 : i32}> : () -> i32
  "test.br"()[^bb1, ^bb2] : () -> ()
^bb1:
  %y = "tt.k"() <{v = 1 : i32}> : () -> i32
  %z = "tt.k"() <{v = 2 : i32}> : () -> i32
  "test.use"(%y, %z) : (i32, i32) -> ()
^bb2:
  %w = "tt.k"() <{v = 2 : i32}> : () -> i32
  "test.use"(%w) : (i32) -> ()
}) : () -> ()`);
  expect(out).toContain(`"test.use"(%0, %1) : (i32, i32) -> ()`);
  expect(out).toContain(`%2 = "tt.k"() <{v = 2 : i32}>`);
  expect(out).toContain(`"test.use"(%2) : (i32) -> ()`);
});
