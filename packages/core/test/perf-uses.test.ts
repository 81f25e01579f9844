// Use lists without a stored count or per-slot flag: counts, single-use tests and attachment are
// read from the links, through every way a slot changes.
import { Block, Operation, IntegerType, type Value } from "../src/index.js";

const i32 = IntegerType.get(32);
const def = (): Operation => Operation.create({ name: "t.c", resultTypes: [i32] });
const use = (...vs: Value[]): Operation => Operation.create({ name: "t.u", operands: vs });
const state = (v: Value) => [v.numUses, v.hasUses, v.hasOneUse, v.uses.length, v.users().length];

test("counts follow creation, set, setOperands, drop and erase", () => {
  const a = def().result(), b = def().result();
  expect(state(a)).toEqual([0, false, false, 0, 0]);
  const u1 = use(a, a, b);
  expect(state(a)).toEqual([2, true, false, 2, 1]);
  expect(state(b)).toEqual([1, true, true, 1, 1]);
  u1.setOperand(1, b); // moves one slot from a to b
  expect(state(a)).toEqual([1, true, true, 1, 1]);
  expect(state(b)).toEqual([2, true, false, 2, 1]);
  u1.setOperand(1, b); // same value again: no second entry
  expect(b.numUses).toBe(2);
  u1.operands[0]!.drop();
  u1.operands[0]!.drop(); // dropping twice is harmless
  expect(state(a)).toEqual([0, false, false, 0, 0]);
  u1.operands[0]!.set(a); // a dropped slot attaches again
  expect(state(a)).toEqual([1, true, true, 1, 1]);
  u1.setOperands([b]);
  expect([a.numUses, b.numUses]).toEqual([0, 1]);
  const block = new Block();
  block.append(u1);
  u1.erase();
  expect(state(b)).toEqual([0, false, false, 0, 0]);
});

test("replaceAllUsesWith moves head, middle and tail slots", () => {
  const a = def().result(), b = def().result();
  const users = [use(a), use(a, a), use(a)];
  a.replaceAllUsesWith(b);
  expect(state(a)).toEqual([0, false, false, 0, 0]);
  expect(b.numUses).toBe(4);
  expect(users.every((u) => u.operandValues.every((v) => v === b))).toBe(true);
  // Removing from the middle of a list keeps the rest linked.
  users[1]!.operands[1]!.drop();
  expect(b.numUses).toBe(3);
  expect(b.uses.map((u) => u.owner)).toEqual(expect.arrayContaining([users[0], users[1], users[2]]));
});
