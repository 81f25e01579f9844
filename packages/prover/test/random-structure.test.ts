// Property test: circuits with random structure (random expression gates of degree up to 8 with
// rotations, random lookups into random tables, random copy cycles, random public cells) are
// complete; a random single-cell corruption is refused by the prover and rejected by the verifier.
import {
  CircuitBuilder, checkCircuit, constant, prove, setup, verifyProof, advice as adv, add, mul, neg, sub,
  type Circuit, type Expr, type Witness,
} from "../src/index.js";
import { add as fadd, mul as fmul, neg as fneg, sub as fsub } from "../src/field/index.js";
import { testRandom } from "../src/bench/random-circuit.js";
import { ALLOW, TEST_PARAMS, cloneWitness } from "./helpers.js";

const P = 0xffff_ffff_0000_0001n;

function randomStructure(seed: number): { circuit: Circuit; witness: Witness; outputs: { column: number; row: number }[] } {
  const rnd = testRandom(seed);
  const pick = (k: number): number => Number(rnd() % BigInt(k));
  const rows = 16 + pick(40);
  const numIn = 3 + pick(4);
  const numGates = 1 + pick(3);
  const b = new CircuitBuilder(rows);
  const ins = Array.from({ length: numIn }, (_, i) => b.addAdvice(`in${i}`));
  const outs = Array.from({ length: numGates }, (_, i) => b.addAdvice(`out${i}`));
  const vals = [...ins, ...outs].map(() => new BigUint64Array(rows));
  for (const c of ins) for (let r = 0; r < rows; r++) vals[c]![r] = rnd();

  // Lookups first: they pin input values on their rows to table entries.
  const tableSize = 1 + pick(Math.min(rows, 20));
  const width = 1 + pick(2);
  const tcols = Array.from({ length: width }, () => Array.from({ length: tableSize }, () => rnd() % 1000n));
  const t = b.addTable("t", tcols);
  const sl = b.addSelector("s_lookup");
  const lookCols = Array.from({ length: width }, (_, k) => ins[k]!);
  b.addLookup("l", sl, lookCols.map((c) => adv(c)), t);
  for (let r = 0; r < rows; r++) {
    if (pick(3) !== 0) continue;
    b.enable(sl, r);
    const e = pick(tableSize);
    lookCols.forEach((c, k) => (vals[c]![r] = tcols[k]![e]!));
  }
  // Copy cycles among input cells not pinned by the lookup columns.
  const free = ins.slice(width);
  // Cycles may share cells, so values are assigned per union-find class afterwards.
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    while (parent.has(x) && parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  const cellId = (c: { column: number; row: number }): number => c.column * rows + c.row;
  for (let k = 0; k < 4 && free.length > 0; k++) {
    const cells = Array.from({ length: 2 + pick(3) }, () => ({ column: free[pick(free.length)]!, row: pick(rows) }));
    for (let i = 1; i < cells.length; i++) {
      b.copy(cells[0]!, cells[i]!);
      const ra = find(cellId(cells[0]!));
      const rb = find(cellId(cells[i]!));
      parent.set(ra, ra);
      parent.set(rb, ra);
    }
  }
  const classValue = new Map<number, bigint>();
  for (const id of parent.keys()) {
    const root = find(id);
    if (!classValue.has(root)) classValue.set(root, rnd());
    vals[Math.floor(id / rows)]![id % rows] = classValue.get(root)!;
  }
  // Gates: out_g = f_g(inputs at rotations 0..2), a random tree of degree <= 7.
  const outputs: { column: number; row: number }[] = [];
  outs.forEach((o, g) => {
    const maxRot = pick(3);
    const gen = (depth: number, budget: number): { e: Expr; f: (r: number) => bigint; deg: number } => {
      const choice = depth > 3 ? 0 : pick(5);
      if (choice === 0 || budget < 2) {
        if (pick(4) === 0) {
          const v = rnd();
          return { e: constant(v), f: () => v, deg: 0 };
        }
        const c = ins[pick(ins.length)]!;
        const rot = pick(maxRot + 1);
        return { e: adv(c, rot), f: (r) => vals[c]![r + rot]!, deg: 1 };
      }
      const x = gen(depth + 1, budget);
      if (choice === 1) return { e: neg(x.e), f: (r) => fneg(x.f(r)), deg: x.deg };
      const y = gen(depth + 1, choice === 4 ? budget - x.deg : budget);
      if (choice === 2) return { e: add(x.e, y.e), f: (r) => fadd(x.f(r), y.f(r)), deg: Math.max(x.deg, y.deg) };
      if (choice === 3) return { e: sub(x.e, y.e), f: (r) => fsub(x.f(r), y.f(r)), deg: Math.max(x.deg, y.deg) };
      if (x.deg + y.deg > 7) return x;
      return { e: mul(x.e, y.e), f: (r) => fmul(x.f(r), y.f(r)), deg: x.deg + y.deg };
    };
    const f = gen(0, 7);
    const s = b.addSelector(`s${g}`);
    b.addGate(`g${g}`, s, [sub(adv(o), f.e)]);
    for (let r = 0; r + maxRot < rows; r++) {
      if (pick(2) === 0) continue;
      b.enable(s, r);
      vals[o]![r] = f.f(r) % P;
      outputs.push({ column: o, row: r });
    }
  });
  if (outputs.length > 0) b.addPublic("y", outputs[outputs.length - 1]!, 4);
  return { circuit: b.build(), witness: { advice: vals }, outputs };
}

describe("random circuit structure", () => {
  test.each(Array.from({ length: 40 }, (_, i) => i + 1))("seed %i: complete, and a corrupted output is rejected", (seed) => {
    const { circuit, witness, outputs } = randomStructure(seed);
    expect(checkCircuit(circuit, witness)).toBeNull();
    const pk = setup(circuit, TEST_PARAMS, ALLOW);
    expect(verifyProof(pk.vk, prove(pk, witness), ALLOW)).toEqual({ ok: true });
    if (outputs.length === 0) return;
    const bad = cloneWitness(witness);
    const cell = outputs[seed % outputs.length]!;
    bad.advice[cell.column]![cell.row] = (bad.advice[cell.column]![cell.row]! + 1n) % P;
    expect(checkCircuit(circuit, bad)?.kind).toBe("gate");
    expect(() => prove(pk, bad)).toThrow(/violated/);
    expect(verifyProof(pk.vk, prove(pk, bad, { unsafeSkipChecker: true }), ALLOW).ok).toBe(false);
  });
});
