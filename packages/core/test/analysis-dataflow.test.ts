// The sparse dataflow framework on toy lattices over unregistered test ops: propagation along
// use-def edges, block-argument joins, dead blocks, widening on loops, the non-convergence guard.
import {
  Context, BuiltinDialect, parseModule, IntegerAttr, DataflowSolver, DataflowError, RegistryAnalysis, TransferRegistry,
  moduleBody, StringAttr, type SolverOptions, type Lattice, type Operation, type Value, type Block, type BlockArgument,
} from "../src/index.js";

const ctx = new Context({ dialects: [BuiltinDialect], allowUnregistered: true });
const parse = (src: string) => parseModule(src, { context: ctx });
const intAttr = (op: Operation, name: string) => Number((op.getAttr(name) as IntegerAttr).value);

// Constant propagation: a number, or "top".
type C = number | "top";
const constLattice: Lattice<C> = { join: (a, b) => (a === b ? a : "top"), equals: (a, b) => a === b, top: () => "top" };
const constRules = new TransferRegistry<C>();
constRules.register("test.const", { results: (op) => [intAttr(op, "value")] });
constRules.register("test.add", { results: (_op, [a, b]) => [a === "top" || b === "top" ? "top" : a! + b!] });
constRules.register("test.cond_br", { successorsTaken: (_op, [c]) => (c === "top" ? undefined : [c !== 0, c === 0]) });
constRules.register("test.region", { regionEntryArgs: (_op, region, operands) => [region === 0 ? operands[0] : "top"] });

function solve<S>(src: string, rules: TransferRegistry<S>, lattice: Lattice<S>, opts: SolverOptions<S> = {}) {
  const m = parse(src);
  const solver = new DataflowSolver(new RegistryAnalysis(lattice, rules), opts).run(m);
  const byName = new Map<string, Operation>();
  m.walk((op) => { const n = op.getAttr("tag"); if (n instanceof StringAttr) byName.set(n.value, op); });
  const first = (tag: string): Value => byName.get(tag)!.operand(0);
  return { m, solver, first, blocks: (): Block[] => moduleBody(m).first!.region(0).blocks };
}
const solveConst = (src: string) => solve(src, constRules, constLattice);

test("states flow along use-def edges; ops without a rule give top", () => {
  const { solver, first } = solveConst(`"test.func"() ({
    %a = "test.const"() {value = 2} : () -> i32
    %b = "test.const"() {value = 40} : () -> i32
    %c = "test.add"(%a, %b) : (i32, i32) -> i32
    %d = "test.opaque"(%c) : (i32) -> i32
    %e = "test.add"(%c, %d) : (i32, i32) -> i32
    "test.use"(%c) {tag = "c"} : (i32) -> ()
    "test.use"(%e) {tag = "e"} : (i32) -> ()
    "test.return"() : () -> ()
  }) : () -> ()`);
  expect(solver.state(first("c"))).toBe(42);
  expect(solver.state(first("e"))).toBe("top");
});

test("block arguments join the operands of live incoming edges; a decided branch leaves a block dead", () => {
  const { solver, blocks } = solveConst(`"test.func"() ({
  ^entry(%arg: i32):
    %one = "test.const"() {value = 1} : () -> i32
    %zero = "test.const"() {value = 0} : () -> i32
    %seven = "test.const"() {value = 7} : () -> i32
    "test.cond_br"(%arg, %seven, %seven)[^same, ^same] : (i32, i32, i32) -> ()
  ^same(%s: i32):
    "test.cond_br"(%arg, %s, %one)[^mixed, ^mixed] : (i32, i32, i32) -> ()
  ^mixed(%x: i32):
    "test.cond_br"(%zero, %x, %x)[^dead, ^live] : (i32, i32, i32) -> ()
  ^dead(%y: i32):
    "test.br"(%y)[^live] : (i32) -> ()
  ^live(%z: i32):
    "test.return"() : () -> ()
  ^unreachable(%u: i32):
    "test.return"() : () -> ()
  }) : () -> ()`);
  const [entry, same, mixed, dead, live, unreachable] = blocks();
  expect(solver.state(entry!.args[0]!)).toBe("top"); // function argument
  expect(solver.state(same!.args[0]!)).toBe(7); // 7 on both edges
  expect(solver.state(mixed!.args[0]!)).toBe("top"); // 7 or 1
  expect(solver.isLive(dead!)).toBe(false);
  expect(solver.state(dead!.args[0]!)).toBeUndefined();
  expect(solver.isLive(live!)).toBe(true);
  expect(solver.isLive(unreachable!)).toBe(false);
  expect(solver.state(unreachable!.args[0]!)).toBeUndefined();
});

test("region entry arguments come from the op's rule; results of region ops default to top", () => {
  const { solver, m } = solveConst(`"test.func"() ({
    %a = "test.const"() {value = 5} : () -> i32
    %r = "test.region"(%a) ({
    ^bb0(%x: i32):
      %y = "test.add"(%x, %x) : (i32, i32) -> i32
      "test.yield"(%y) : (i32) -> ()
    }, {
    ^bb0(%w: i32):
      "test.yield"(%w) : (i32) -> ()
    }) : (i32) -> i32
    "test.return"() : () -> ()
  }) : () -> ()`);
  const states: C[] = [];
  m.walk((op) => { if (op.name === "test.yield") states.push(solver.state(op.operand(0))!); });
  expect(states).toEqual([10, "top"]);
  let r: Operation | undefined;
  m.walk((op) => { if (op.name === "test.region") r = op; });
  expect(solver.state(r!.result(0))).toBe("top");
});

test("caller-given argument states and values from outside the analysed op", () => {
  const m = parse(`"test.func"() ({
  ^entry(%arg: i32):
    %c = "test.const"() {value = 1} : () -> i32
    "test.wrap"() ({
      %s = "test.add"(%arg, %c) : (i32, i32) -> i32
      "test.use"(%s) : (i32) -> ()
    }) : () -> ()
    "test.return"() : () -> ()
  }) : () -> ()`);
  const func = moduleBody(m).first!;
  const arg = func.region(0).entry!.args[0]!;
  const withArg = new DataflowSolver(new RegistryAnalysis(constLattice, constRules), { arguments: new Map<BlockArgument, C>([[arg, 41]]) }).run(func);
  let use: Operation | undefined;
  m.walk((op) => { if (op.name === "test.use") use = op; });
  expect(withArg.state(use!.operand(0))).toBe(42);
  // Analysing only the inner op: %arg and %c are defined outside it, so they are top.
  const inner = use!.parentOp!;
  expect(new DataflowSolver(new RegistryAnalysis(constLattice, constRules)).run(inner).state(use!.operand(0))).toBe("top");
});

// An upper-bound lattice of infinite height: without widening a counting loop never settles.
const boundLattice: Lattice<number> = { join: Math.max, equals: (a, b) => a === b, top: () => Infinity };
const boundRules = new TransferRegistry<number>();
boundRules.register("test.const", { results: (op) => [intAttr(op, "value")] });
boundRules.register("test.inc", { results: (_op, [a]) => [a! + 1] });
const LOOP = `"test.func"() ({
    %z = "test.const"() {value = 0} : () -> i32
    "test.br"(%z)[^loop] : (i32) -> ()
  ^loop(%i: i32):
    %n = "test.inc"(%i) : (i32) -> i32
    "test.cond_br"(%n, %n)[^loop, ^exit] : (i32, i32) -> ()
  ^exit:
    "test.return"() : () -> ()
  }) : () -> ()`;

test("a loop on an infinite-height lattice terminates by widening its block argument", () => {
  const { solver, blocks } = solve(LOOP, boundRules, boundLattice);
  const loop = blocks()[1]!;
  expect(solver.state(loop.args[0]!)).toBe(Infinity);
  expect(solver.visits).toBeLessThan(100);
});

test("a widening that does not widen is caught as non-convergence, not a hang", () => {
  const noWiden: Lattice<number> = { ...boundLattice, widen: (_old, next) => next };
  expect(() => solve(LOOP, boundRules, noWiden, { maxVisitsPerOp: 20 }))
    .toThrow(DataflowError);
  expect(() => solve(LOOP, boundRules, noWiden, { maxVisitsPerOp: 20 }))
    .toThrow(/did not converge after \d+ op visits \(last: 'test\./);
});

test("a branch whose operands do not fit its successors' arguments gives them top", () => {
  const { solver, blocks } = solveConst(`"test.func"() ({
    %a = "test.const"() {value = 3} : () -> i32
    "test.odd_br"()[^next] : () -> ()
  ^next(%x: i32):
    "test.return"() : () -> ()
  }) : () -> ()`);
  expect(solver.state(blocks()[1]!.args[0]!)).toBe("top");
});
