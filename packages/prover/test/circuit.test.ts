// Circuit builder validation and the mock constraint checker.
import {
  CircuitBuilder, CircuitError, advice, checkCircuit, constant, fixed, mul, randomCircuit, sub,
} from "../src/index.js";
import { cloneWitness } from "./helpers.js";

describe("CircuitBuilder", () => {
  test("rejects a gate whose rotation reads past the used rows", () => {
    const b = new CircuitBuilder(4);
    const a = b.addAdvice("a");
    const s = b.addSelector("s");
    b.addGate("next", s, [sub(advice(a, 1), advice(a))]);
    b.enable(s, 3);
    expect(() => b.build()).toThrow(/reads row 4 beyond the 4 used rows/);
  });

  test("rejects out-of-range columns, non-selector gates and mismatched lookups", () => {
    const b1 = new CircuitBuilder(4);
    const s1 = b1.addSelector("s");
    b1.addGate("bad", s1, [advice(3)]);
    expect(() => b1.build()).toThrow(CircuitError);
    const b2 = new CircuitBuilder(4);
    b2.addAdvice("a");
    const f = b2.addFixed("f");
    b2.addGate("g", f, [advice(0)]);
    expect(() => b2.build()).toThrow(/not a selector/);
    const b3 = new CircuitBuilder(4);
    b3.addAdvice("a");
    const s3 = b3.addSelector("s");
    const t = b3.addTable("t", [[1n, 2n]]);
    b3.addLookup("l", s3, [advice(0), advice(0)], t);
    expect(() => b3.build()).toThrow(/2 inputs but table 't' has 1 columns/);
  });

  test("rejects non-canonical constants and circuits without advice columns", () => {
    const b = new CircuitBuilder(4);
    b.addAdvice("a");
    const s = b.addSelector("s");
    b.addGate("big", s, [sub(advice(0), constant(1n << 64n))]);
    expect(() => b.build()).toThrow(/constant 18446744073709551616 is not a canonical field element/);
    const e = new CircuitBuilder(4);
    e.addSelector("s");
    expect(() => e.build()).toThrow(/no advice column/);
  });

  test("selectors must be 0 or 1", () => {
    const b = new CircuitBuilder(4);
    b.addAdvice("a");
    const s = b.addSelector("s");
    b.addGate("g", s, [advice(0)]);
    b.setFixed(s, 0, 2n);
    expect(() => b.build()).toThrow(/value 2 at row 0/);
  });
});

describe("checkCircuit", () => {
  const { circuit, witness } = randomCircuit({ rows: 32, columns: 6, seed: 5 });

  test("accepts the generated witness", () => {
    expect(checkCircuit(circuit, witness)).toBeNull();
  });

  test.each([
    ["gate", "dot", 4, (w: { advice: BigUint64Array[] }) => void (w.advice[0]![5]! += 1n)],
    ["gate", "muladd", 5, (w: { advice: BigUint64Array[] }) => void (w.advice[2]![5]! += 1n)],
    ["gate", "pow7", 6, (w: { advice: BigUint64Array[] }) => void (w.advice[1]![6]! += 1n)],
    ["gate", "bool", 6, (w: { advice: BigUint64Array[] }) => void (w.advice[3]![6] = 5n)],
    ["lookup", "range8", 7, (w: { advice: BigUint64Array[] }) => void (w.advice[0]![7] = 1000n)],
    ["lookup", "fn", 7, (w: { advice: BigUint64Array[] }) => void (w.advice[2]![7]! += 1n)],
    ["copy", "copy", 11, (w: { advice: BigUint64Array[] }) => void (w.advice[5]![11]! += 1n)],
  ])("reports a broken %s (%s) at its row with the provenance label", (kind, name, row, mutate) => {
    const w = cloneWitness(witness);
    mutate(w);
    const v = checkCircuit(circuit, w);
    expect(v).not.toBeNull();
    expect(v!.kind).toBe(kind);
    expect(v!.name).toContain(name);
    expect(v!.row).toBe(row);
    expect(v!.label).toBe(`node_${row >> 2}`);
    expect(v!.message).toContain(`row ${row}`);
  });

  test("a gate that is a bare column leaves the witness untouched", () => {
    const b = new CircuitBuilder(4);
    const a = b.addAdvice("a");
    const s = b.addSelector("s");
    b.addGate("a=0", s, [advice(a)]);
    b.enable(s, 1);
    const c = b.build();
    const w = { advice: [new BigUint64Array([5n, 0n, 7n, 9n])] };
    expect(checkCircuit(c, w)).toBeNull();
    expect([...w.advice[0]!]).toEqual([5n, 0n, 7n, 9n]);
  });

  test("evaluates constants and fixed columns", () => {
    const b = new CircuitBuilder(2);
    const a = b.addAdvice("a");
    const f = b.addFixed("f");
    const s = b.addSelector("s");
    b.addGate("a=f*3", s, [sub(advice(a), mul(fixed(f), constant(3n)))]);
    b.setFixed(f, 1, 7n);
    b.enable(s, 1);
    const c = b.build();
    expect(checkCircuit(c, { advice: [new BigUint64Array([0n, 21n])] })).toBeNull();
    expect(checkCircuit(c, { advice: [new BigUint64Array([0n, 22n])] })?.row).toBe(1);
  });
});
