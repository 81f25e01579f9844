// The constraint algebra over evaluation vectors (prover side): base values are FVec, extension
// values are EVec, all on one domain. A rotation by r rows is a cyclic shift by r * stride entries.
import {
  evAdd, evAlloc, evMul, evMulBase, evSub, vAdd, vAddScalar, vMul, vScale, vSub,
  type EVec, type Ext, type FVec,
} from "../field/index.js";
import type { Algebra } from "./constraints.js";

export interface DomainColumns {
  readonly size: number;
  /** Entries per trace row (Q on the quotient domain, 1 on the trace domain). */
  readonly stride: number;
  advice(i: number): FVec;
  fixed(i: number): FVec;
  mult(i: number): FVec;
  aux(i: number): EVec;
  x(): FVec;
  publicPoly(i: number): FVec;
}

function rotate(v: FVec, shift: number): FVec {
  if (shift === 0) return v;
  const out = new BigUint64Array(v.length);
  out.set(v.subarray(shift));
  out.set(v.subarray(0, shift), v.length - shift);
  return out;
}

export class VecAlgebra implements Algebra<FVec, EVec> {
  private readonly cache = new Map<string, FVec>();
  private readonly extCache = new Map<string, EVec>();

  constructor(private readonly d: DomainColumns) {}

  private rotated(key: string, get: () => FVec, rot: number): FVec {
    const k = `${key}@${rot}`;
    let v = this.cache.get(k);
    if (v === undefined) this.cache.set(k, (v = rotate(get(), rot * this.d.stride)));
    return v;
  }

  advice(i: number, rot: number): FVec {
    return this.rotated(`a${i}`, () => this.d.advice(i), rot);
  }
  fixed(i: number, rot: number): FVec {
    return this.rotated(`f${i}`, () => this.d.fixed(i), rot);
  }
  mult(i: number): FVec {
    return this.d.mult(i);
  }
  aux(i: number, rot: number): EVec {
    const k = `x${i}@${rot}`;
    let v = this.extCache.get(k);
    if (v === undefined) {
      const e = this.d.aux(i);
      const s = rot * this.d.stride;
      this.extCache.set(k, (v = { c0: rotate(e.c0, s), c1: rotate(e.c1, s), c2: rotate(e.c2, s) }));
    }
    return v;
  }
  x(): FVec {
    return this.d.x();
  }
  publicPoly(i: number): FVec {
    return this.d.publicPoly(i);
  }
  constant(v: bigint): FVec {
    return new BigUint64Array(this.d.size).fill(v);
  }
  private out(): FVec {
    return new BigUint64Array(this.d.size);
  }
  add(a: FVec, b: FVec): FVec {
    const o = this.out();
    vAdd(o, a, b);
    return o;
  }
  sub(a: FVec, b: FVec): FVec {
    const o = this.out();
    vSub(o, a, b);
    return o;
  }
  mul(a: FVec, b: FVec): FVec {
    const o = this.out();
    vMul(o, a, b);
    return o;
  }
  neg(a: FVec): FVec {
    const o = this.out();
    vScale(o, a, 0xffff_ffff_0000_0000n);
    return o;
  }
  scaleB(b: FVec, s: Ext): EVec {
    const o = evAlloc(this.d.size);
    vScale(o.c0, b, s[0]);
    if (s[1] !== 0n) vScale(o.c1, b, s[1]);
    if (s[2] !== 0n) vScale(o.c2, b, s[2]);
    return o;
  }
  eAdd(a: EVec, b: EVec): EVec {
    const o = evAlloc(this.d.size);
    evAdd(o, a, b);
    return o;
  }
  eSub(a: EVec, b: EVec): EVec {
    const o = evAlloc(this.d.size);
    evSub(o, a, b);
    return o;
  }
  eMul(a: EVec, b: EVec): EVec {
    const o = evAlloc(this.d.size);
    evMul(o, a, b);
    return o;
  }
  eMulB(a: EVec, b: FVec): EVec {
    const o = evAlloc(this.d.size);
    evMulBase(o, a, b);
    return o;
  }
  /** Results are never mutated, so the untouched components are shared. */
  eAddB(a: EVec, b: FVec): EVec {
    const c0 = this.out();
    vAdd(c0, a.c0, b);
    return { c0, c1: a.c1, c2: a.c2 };
  }
  eAddC(a: EVec, s: Ext): EVec {
    const o = evAlloc(this.d.size);
    vAddScalar(o.c0, a.c0, s[0]);
    vAddScalar(o.c1, a.c1, s[1]);
    vAddScalar(o.c2, a.c2, s[2]);
    return o;
  }
}

/**
 * Algebra over trace columns alone (advice and fixed, one entry per row): what gate and lookup
 * expressions read when evaluated on the trace domain (checker, multiplicities, logUp sums).
 */
export function traceVecAlgebra(rows: number, advice: readonly FVec[], fixed: readonly FVec[]): VecAlgebra {
  const none = (): never => {
    throw new Error("internal: only advice and fixed columns exist on the trace domain");
  };
  return new VecAlgebra({ size: rows, stride: 1, advice: (i) => advice[i]!, fixed: (i) => fixed[i]!, mult: none, aux: none, x: none, publicPoly: none });
}
