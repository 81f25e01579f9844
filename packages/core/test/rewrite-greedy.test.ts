import { applyPatternsGreedily, pattern, GreedyNonConvergenceError, printOp, type Operation } from "../src/index.js";
import { ctx, parse, print } from "./rewrite-test-dialect.js";

test("folds to constants, deduplicates and hoists them", () => {
  const m = parse(`
"test.use"() : () -> ()
%a = "tg.const"() <{value = 1 : i32}> : () -> i32
%b = "tg.const"() <{value = 2 : i32}> : () -> i32
%c = "tg.add"(%a, %b) : (i32, i32) -> i32
%d = "tg.const"() <{value = 3 : i32}> : () -> i32
"test.use"(%c, %d) : (i32, i32) -> ()`);
  const r = applyPatternsGreedily(m, [], { context: ctx });
  expect(r).toMatchObject({ changed: true, converged: true });
  expect(print(m)).toBe(print(parse(`
%0 = "tg.const"() <{value = 3 : i32}> : () -> i32
"test.use"() : () -> ()
"test.use"(%0, %0) : (i32, i32) -> ()`)));
});

test("fold to an existing value and in-place fold", () => {
  const m = parse(`
%x = "test.src"() : () -> i32
%z = "tg.const"() <{value = 0 : i32}> : () -> i32
%s = "tg.add"(%z, %x) : (i32, i32) -> i32
"test.use"(%s) : (i32) -> ()`);
  // tg.add(0, x): the in-place fold swaps operands, then x + 0 folds to x; the constant dies.
  const r = applyPatternsGreedily(m, [], { context: ctx });
  expect(r.numFolds).toBeGreaterThanOrEqual(2);
  expect(print(m)).toBe(print(parse(`
%x = "test.src"() : () -> i32
"test.use"(%x) : (i32) -> ()`)));
});

test("in-place fold alone counts as a change", () => {
  const m = parse(`
%x = "test.src"() : () -> i32
%c = "tg.const"() <{value = 5 : i32}> : () -> i32
%s = "tg.add"(%c, %x) : (i32, i32) -> i32
"test.use"(%s) : (i32) -> ()`);
  const r = applyPatternsGreedily(m, [], { context: ctx });
  expect(r.changed).toBe(true);
  expect(print(m)).toContain(`"tg.add"(%1, %0)`);
});

test("no fold when the dialect cannot materialize the constant", () => {
  const src = `
%c = "tg.const"() <{value = 5 : i32}> : () -> i32
%n = "tn.neg"(%c) : (i32) -> i32
"test.use"(%n) : (i32) -> ()`;
  const m = parse(src);
  const r = applyPatternsGreedily(m, [], { context: ctx });
  expect(r.numFolds).toBe(0);
  expect(print(m)).toBe(print(parse(src)));
});

test("erases trivially dead pure ops, transitively, but keeps unknown-effect ops", () => {
  const m = parse(`
%x = "test.src"() : () -> i32
%a = "tg.add"(%x, %x) : (i32, i32) -> i32
%b = "tg.add"(%a, %a) : (i32, i32) -> i32
%u = "test.unknown"(%b) : (i32) -> i32`);
  applyPatternsGreedily(m, [], { context: ctx });
  expect(print(m)).toContain("tg.add");
  m.region(0).entry!.last!.erase();
  const r = applyPatternsGreedily(m, [], { context: ctx });
  expect(r.numErased).toBe(2);
  expect(print(m)).toBe(print(parse(`%x = "test.src"() : () -> i32`)));
});

function rename(from: string, to: string, benefit: number, name: string, root: string | undefined = from) {
  return pattern(root, (op, r) => {
    if (op.name !== from) return false;
    r.replaceOpWithNew(op, { name: to, operands: op.operandValues, resultTypes: op.resultTypes });
    return true;
  }, { benefit, name });
}

test("highest benefit wins, ties go to the first pattern, any-root patterns compete", () => {
  const run = (ps: ReturnType<typeof rename>[]) => {
    const m = parse(`"test.op"() : () -> ()`);
    applyPatternsGreedily(m, ps, { context: ctx });
    return m.region(0).entry!.first!.name;
  };
  expect(run([rename("test.op", "test.low", 1, "low"), rename("test.op", "test.high", 2, "high")])).toBe("test.high");
  expect(run([rename("test.op", "test.first", 1, "a"), rename("test.op", "test.second", 1, "b")])).toBe("test.first");
  expect(run([rename("test.op", "test.named", 1, "a"), rename("test.op", "test.any", 3, "b", undefined)])).toBe("test.any");
});

test("a replacement made with replaceOpWithNew keeps the replaced op's location", () => {
  const m = parse(`"test.op"() : () -> () loc("here")`);
  applyPatternsGreedily(m, [rename("test.op", "test.new", 1, "r")], { context: ctx });
  expect(printOp(m, { debugInfo: true })).toMatch(/"test.new"\(\) : \(\) -> \(\) loc\(#loc\d*\)|"test.new"\(\) : \(\) -> \(\) loc\("here"\)/);
  expect(m.region(0).entry!.first!.loc.body()).toBe(`"here"`);
});

test("a pattern that flips forever raises a located non-convergence error", () => {
  const m = parse(`module {\n  "test.a"() : () -> ()\n}`);
  const flip = [rename("test.a", "test.b", 1, "ab"), rename("test.b", "test.a", 1, "ba")];
  let err: unknown;
  try {
    applyPatternsGreedily(m, flip, { context: ctx });
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(GreedyNonConvergenceError);
  const e = err as GreedyNonConvergenceError;
  expect(e.message).toContain("greedy pattern rewrite did not converge after 10 iterations");
  expect(e.format()).toMatch(/^t\.mlir:1:1: error: greedy pattern rewrite did not converge after 10 iterations in 'builtin.module'/);
  // Reporting instead of throwing, and the rewrite-count limit.
  const r = applyPatternsGreedily(m, flip, { context: ctx, maxIterations: 3, throwOnNonConvergence: false });
  expect(r).toMatchObject({ converged: false, iterations: 3 });
  expect(() => applyPatternsGreedily(m, flip, { context: ctx, maxNumRewrites: 5 })).toThrow(/stopped after 5 rewrites/);
});

test("top-down and bottom-up traversals reach the same fixed point", () => {
  const src = `
%a = "tg.const"() <{value = 1 : i32}> : () -> i32
%b = "tg.add"(%a, %a) : (i32, i32) -> i32
%c = "tg.add"(%b, %a) : (i32, i32) -> i32
"test.region"() ({
  %d = "tg.add"(%c, %c) : (i32, i32) -> i32
  "test.use"(%d) : (i32) -> ()
}) : () -> ()`;
  const outs = [false, true].map((td) => {
    const m = parse(src);
    applyPatternsGreedily(m, [], { context: ctx, useTopDownTraversal: td });
    return print(m);
  });
  expect(outs[0]).toBe(outs[1]);
  expect(outs[0]).toContain(`"tg.const"() <{value = 6 : i32}>`);
  expect(outs[0]).not.toContain("tg.add");
});

test("ops without a fold stay; a big generated module canonicalizes", () => {
  // 100k ops: a chain of constant adds that folds completely.
  const N = Number(process.env.GREEDY_N ?? 100_000);
  const lines = [`%v0 = "tg.const"() <{value = 1 : i64}> : () -> i64`];
  for (let i = 1; i < N; i++) lines.push(`%v${i} = "tg.add"(%v${i - 1}, %v0) : (i64, i64) -> i64`);
  lines.push(`"test.use"(%v${N - 1}) : (i64) -> ()`);
  const m: Operation = parse(lines.join("\n"));
  const t0 = performance.now();
  const r = applyPatternsGreedily(m, [], { context: ctx });
  const ms = performance.now() - t0;
  expect(r.converged).toBe(true);
  expect(print(m)).toBe(print(parse(`%0 = "tg.const"() <{value = ${N} : i64}> : () -> i64\n"test.use"(%0) : (i64) -> ()`)));
  console.log(`greedy: 100k-op constant chain folded in ${ms.toFixed(0)} ms`);
});
