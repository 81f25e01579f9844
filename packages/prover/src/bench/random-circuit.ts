// A random circuit of a given shape using every gate kind (wide dot-product with a next-row
// accumulator, multiply-add with a fixed column, degree-7 power, boolean), two lookup tables of
// different sizes (1-column range, 2-column function), copy constraints and public cells;
// plus a satisfying witness. Deterministic in `seed`.
import { CircuitBuilder } from "../circuit/builder.js";
import type { Circuit, Witness } from "../circuit/circuit.js";
import { add, advice, constant, fixed, mul, sub, sum } from "../circuit/expr.js";
import { CircuitError } from "../errors.js";
import { P, add as fadd, mul as fmul, pow as fpow } from "../field/index.js";

export interface RandomCircuitSpec {
  /** Rows the circuit uses (the trace adds blinding rows and rounds up to a power of two). */
  readonly rows: number;
  /** Advice columns, at least 6. */
  readonly columns: number;
  readonly seed?: number;
}

/** xorshift64*: deterministic test data (not for blinding). */
export function testRandom(seed: number): () => bigint {
  let s = BigInt(seed) * 0x9e3779b97f4a7c15n + 1n;
  return () => {
    s ^= s >> 12n;
    s ^= (s << 25n) & 0xffff_ffff_ffff_ffffn;
    s ^= s >> 27n;
    s &= 0xffff_ffff_ffff_ffffn;
    return ((s * 0x2545f4914f6cdd1dn) & 0xffff_ffff_ffff_ffffn) % P;
  };
}

export const fnTable = (x: bigint): bigint => fadd(fmul(x, x), 3n);

export function randomCircuit(spec: RandomCircuitSpec): { circuit: Circuit; witness: Witness } {
  const { rows: U, columns: W } = spec;
  if (W < 6) throw new CircuitError(`randomCircuit: need at least 6 columns, got ${W}`);
  if (U < 8) throw new CircuitError(`randomCircuit: need at least 8 rows, got ${U}`);
  const rnd = testRandom(spec.seed ?? 1);
  const b = new CircuitBuilder(U);
  const cols = Array.from({ length: W }, (_, i) => b.addAdvice(`w${i}`));
  const vals = cols.map(() => new BigUint64Array(U));
  for (const v of vals) for (let r = 0; r < U; r++) v[r] = rnd();

  const sDot = b.addSelector("s_dot");
  const sMul = b.addSelector("s_muladd");
  const sPow = b.addSelector("s_pow7");
  const sBool = b.addSelector("s_bool");
  const sRange = b.addSelector("s_range");
  const sFn = b.addSelector("s_fn");
  const fConst = b.addFixed("c");
  const pairs = Math.floor((W - 1) / 2);
  b.addGate("dot", sDot, [
    sub(advice(0, 1), add(advice(0), sum(Array.from({ length: pairs }, (_, i) => mul(advice(2 * i + 1), advice(2 * i + 2)))))),
  ]);
  b.addGate("muladd", sMul, [sub(advice(2), add(mul(advice(0), advice(1)), fixed(fConst)))]);
  const x2 = mul(advice(0), advice(0));
  const x7 = mul(mul(mul(x2, x2), x2), advice(0));
  b.addGate("pow7", sPow, [sub(advice(1), x7)]);
  b.addGate("bool", sBool, [mul(advice(3), sub(constant(1n), advice(3)))]);
  const rangeSize = Math.min(256, U);
  const fnSize = Math.min(64, Math.max(1, U >> 1));
  const range = b.addTable("range", [Array.from({ length: rangeSize }, (_, i) => BigInt(i))]);
  const fn = b.addTable("square_plus_3", [
    Array.from({ length: fnSize }, (_, i) => BigInt(i)),
    Array.from({ length: fnSize }, (_, i) => fnTable(BigInt(i))),
  ]);
  b.addLookup("range8", sRange, [advice(0)], range);
  b.addLookup("fn", sFn, [advice(1), advice(2)], fn);

  let lastMulRow = -1;
  for (let r = 0; r < U; r++) {
    b.labelRows(r, r + 1, `node_${r >> 2}`);
    const kind = r % 4;
    if (kind === 0 && r + 1 < U) {
      b.enable(sDot, r);
      let acc = vals[0]![r]!;
      for (let i = 0; i < pairs; i++) acc = fadd(acc, fmul(vals[2 * i + 1]![r]!, vals[2 * i + 2]![r]!));
      vals[0]![r + 1] = acc;
    } else if (kind === 1) {
      b.enable(sMul, r);
      const c = rnd();
      b.setFixed(fConst, r, c);
      vals[2]![r] = fadd(fmul(vals[0]![r]!, vals[1]![r]!), c);
      lastMulRow = r;
    } else if (kind === 2) {
      b.enable(sPow, r);
      b.enable(sBool, r);
      vals[1]![r] = fpow(vals[0]![r]!, 7n);
      vals[3]![r] = rnd() & 1n;
    } else if (kind === 3) {
      b.enable(sRange, r);
      b.enable(sFn, r);
      vals[0]![r] = rnd() % BigInt(rangeSize);
      const x = rnd() % BigInt(fnSize);
      vals[1]![r] = x;
      vals[2]![r] = fnTable(x);
      // Copy constraints: this row's w4 repeats the last multiply-add output, w5 repeats w4 of row r-3.
      if (lastMulRow >= 0) {
        vals[4]![r] = vals[2]![lastMulRow]!;
        b.copy({ column: 4, row: r }, { column: 2, row: lastMulRow });
      }
      vals[5]![r] = vals[4]![r - 3]!;
      b.copy({ column: 5, row: r }, { column: 4, row: r - 3 });
    }
  }
  b.addPublic("input", { column: 0, row: 0 }, 0);
  if (lastMulRow >= 0) b.addPublic("output", { column: 2, row: lastMulRow }, 8);
  return { circuit: b.build(), witness: { advice: vals } };
}
