import { cloneOp, IRMapping, printOp, parseModule, Context, BuiltinDialect, moduleBody } from "../src/index.js";

const ctx = new Context({ dialects: [BuiltinDialect], allowUnregistered: true });

test("cloneOp copies regions, blocks, successors and locations, remapping values", () => {
  const m = parseModule(`
%x = "test.src"() : () -> i32
"test.region"() ({
^bb0(%a: i32):
  "test.br"(%a)[^bb1] : (i32) -> ()
^bb1:
  %y = "test.add"(%a, %x) : (i32, i32) -> i32 loc("add")
  "test.ret"(%y) : (i32) -> ()
}) {k = 1} : () -> () loc("reg")`, { context: ctx });
  const [src, region] = moduleBody(m).opsArray();
  const copy = cloneOp(region!);
  moduleBody(m).append(copy);
  const show = (op: typeof copy) => printOp(op, { debugInfo: true });
  expect(show(copy)).toBe(show(region!));
  expect(show(copy)).toContain(`loc("reg")`);
  // The clone's branch targets its own block and its uses are its own values.
  const cb = copy.region(0).blocks;
  expect(cb[0]!.last!.successors[0]).toBe(cb[1]);
  const add = cb[1]!.first!;
  expect(add.operand(0)).toBe(cb[0]!.args[0]);
  expect(add.operand(1)).toBe(src!.result());
  expect(add.loc.body()).toBe(`"add"`);
  // A mapping substitutes outside values.
  const other = parseModule(`%z = "test.src"() : () -> i32`, { context: ctx });
  const mapping = new IRMapping();
  mapping.map(src!.result(), moduleBody(other).first!.result());
  const c2 = cloneOp(region!, mapping);
  expect(c2.region(0).blocks[1]!.first!.operand(1)).toBe(moduleBody(other).first!.result());
  expect(mapping.lookup(add.operand(0))).toBeUndefined();
});
