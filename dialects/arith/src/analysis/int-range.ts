// Integer range rules of arith ops, registered into core's integer range analysis by op name.
// Each rule is sound for the reference semantics (arith's interp.ts / INT_SEMANTICS): results
// that may wrap get the width's full range; undefined behaviour (division by zero, shifts by the
// width or more) may give any range. Vectors of ranges are per element for tensors.
import {
  IntRange, intRangeTransfers, intWidthOf, IntegerAttr, DenseElementsAttr, toSignedView, toUnsignedView, type Operation,
} from "@zkmlir/core";
import { CMPI_PREDICATES } from "../ops/compare.js";
import { bitBounds, maxOf, minOf, signedCorners, validShift } from "./range-math.js";
import { registerControlFlowRanges } from "./control-flow-ranges.js";

type Rule = (w: number, a: IntRange, b: IntRange) => IntRange;
const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);
const abs = (a: bigint) => (a < 0n ? -a : a);

const binary: Record<string, Rule> = {
  addi: (w, a, b) => IntRange.fromBoth(w, [a.smin + b.smin, a.smax + b.smax], [a.umin + b.umin, a.umax + b.umax]),
  subi: (w, a, b) => IntRange.fromBoth(w, [a.smin - b.smax, a.smax - b.smin], [a.umin - b.umax, a.umax - b.umin]),
  muli: (w, a, b) => signedCorners(w, a, b, (x, y) => x * y).intersect(IntRange.fromUnsigned(w, a.umin * b.umin, a.umax * b.umax)),
  divsi: (w, a, b) => {
    // Truncating division is monotone in each argument while the divisor keeps its sign:
    // take the corners of the negative and positive divisor parts (zero is UB).
    const parts: IntRange[] = [];
    if (b.smin < 0n) parts.push(signedCorners(w, a, b, (x, y) => x / y, b.smin, min(b.smax, -1n)));
    if (b.smax > 0n) parts.push(signedCorners(w, a, b, (x, y) => x / y, max(b.smin, 1n), b.smax));
    return parts.length ? parts.reduce((x, y) => x.join(y)) : IntRange.top(w);
  },
  divui: (w, a, b) => (b.umax === 0n ? IntRange.top(w) : IntRange.fromUnsigned(w, a.umin / b.umax, a.umax / max(b.umin, 1n))),
  remsi: (w, a, b) => {
    // |r| < |b| and |r| <= |a|, r has the sign of a (or is 0).
    const bound = max(abs(b.smin), abs(b.smax)) - 1n;
    if (bound < 0n) return IntRange.top(w);
    const lo = a.smin >= 0n ? 0n : -min(abs(a.smin), bound);
    const hi = a.smax <= 0n ? 0n : min(a.smax, bound);
    return IntRange.fromSigned(w, lo, hi);
  },
  remui: (w, a, b) => {
    if (b.umax === 0n) return IntRange.top(w);
    if (a.umax < b.umin) return a; // x % y = x when x < y
    return IntRange.fromUnsigned(w, 0n, min(a.umax, b.umax - 1n));
  },
  andi: (w, a, b) => { const [al, ah] = bitBounds(a), [bl, bh] = bitBounds(b); return IntRange.fromUnsigned(w, al & bl, ah & bh); },
  ori: (w, a, b) => { const [al, ah] = bitBounds(a), [bl, bh] = bitBounds(b); return IntRange.fromUnsigned(w, al | bl, ah | bh); },
  xori: (w, a, b) => {
    const [al, ah] = bitBounds(a), [bl, bh] = bitBounds(b);
    const varying = (al ^ ah) | (bl ^ bh);
    const fixed = (al ^ bl) & ~varying;
    return IntRange.fromUnsigned(w, fixed, fixed | varying);
  },
  shli: (w, a, b) => {
    const s = validShift(w, b);
    if (!s) return IntRange.top(w);
    const sh = (x: bigint, y: bigint) => x << y;
    return signedCorners(w, a, b, sh, s[0], s[1]).intersect(IntRange.fromUnsigned(w, a.umin << s[0], a.umax << s[1]));
  },
  shrsi: (w, a, b) => {
    const s = validShift(w, b);
    return s ? signedCorners(w, a, b, (x, y) => x >> y, s[0], s[1]) : IntRange.top(w);
  },
  shrui: (w, a, b) => {
    const s = validShift(w, b);
    return s ? IntRange.fromUnsigned(w, a.umin >> s[1], a.umax >> s[0]) : IntRange.top(w);
  },
  // The result is one of the operands: it also lies in the hull of the other view.
  maxsi: (w, a, b) => IntRange.fromSigned(w, max(a.smin, b.smin), max(a.smax, b.smax)).intersect(a.join(b)),
  minsi: (w, a, b) => IntRange.fromSigned(w, min(a.smin, b.smin), min(a.smax, b.smax)).intersect(a.join(b)),
  maxui: (w, a, b) => IntRange.fromUnsigned(w, max(a.umin, b.umin), max(a.umax, b.umax)).intersect(a.join(b)),
  minui: (w, a, b) => IntRange.fromUnsigned(w, min(a.umin, b.umin), min(a.umax, b.umax)).intersect(a.join(b)),
};

/**
 * `norm(x, w)` over [lo, hi]: exact when the interval does not wrap at width w (fewer than 2^w
 * values and the ends keep their order), else the full range.
 */
function wrapInto(w: number, lo: bigint, hi: bigint, view: "signed" | "unsigned"): IntRange {
  const conv = view === "signed" ? toSignedView : toUnsignedView;
  const l = conv(lo, w), h = conv(hi, w);
  if (hi - lo >= 1n << BigInt(w) || l > h) return IntRange.top(w);
  return view === "signed" ? IntRange.fromSigned(w, l, h) : IntRange.fromUnsigned(w, l, h);
}

const casts: Record<string, (wOut: number, a: IntRange) => IntRange> = {
  // extsi / index_cast extend the signed view (i1 true -> -1), extui / index_castui the unsigned.
  extsi: (w, a) => IntRange.fromSigned(w, a.smin, a.smax),
  extui: (w, a) => IntRange.fromUnsigned(w, a.umin, a.umax),
  trunci: (w, a) => wrapInto(w, a.smin, a.smax, "signed").intersect(wrapInto(w, a.umin, a.umax, "unsigned")),
  index_cast: (w, a) => wrapInto(w, a.smin, a.smax, "signed"),
  index_castui: (w, a) => wrapInto(w, a.umin, a.umax, "signed"),
};

/** Range of a constant: exact for integers, the hull of the elements for dense tensors. */
function constantRange(op: Operation): IntRange | undefined {
  const w = intWidthOf(op.result(0).type);
  const v = op.getAttr("value");
  if (!w) return undefined;
  if (v instanceof IntegerAttr) return IntRange.constant(w, v.value);
  if (v instanceof DenseElementsAttr) {
    const xs = Array.from(v.values() as ArrayLike<bigint | number>, (x) => BigInt(x));
    if (!xs.length) return undefined;
    const s = xs.map((x) => toSignedView(x, w)), u = xs.map((x) => toUnsignedView(x, w));
    return IntRange.fromBoth(w, [minOf(s), maxOf(s)], [minOf(u), maxOf(u)]);
  }
  return undefined;
}

/** cmpi's i1 result: a constant when the ranges decide the predicate for every pair. */
export function decideCmpi(pred: number, a: IntRange, b: IntRange): boolean | undefined {
  const name = CMPI_PREDICATES[pred];
  const lt = (lo: IntRange, hi: IntRange, signed: boolean) => (signed ? lo.smax < hi.smin : lo.umax < hi.umin);
  const le = (lo: IntRange, hi: IntRange, signed: boolean) => (signed ? lo.smax <= hi.smin : lo.umax <= hi.umin);
  const decide = (yes: boolean, no: boolean) => (yes ? true : no ? false : undefined);
  switch (name) {
    case "eq": case "ne": {
      const ca = a.constantValue, cb = b.constantValue;
      const disjoint = lt(a, b, true) || lt(b, a, true) || lt(a, b, false) || lt(b, a, false);
      const r = ca !== undefined && ca === cb ? true : disjoint ? false : undefined;
      return r === undefined ? undefined : name === "eq" ? r : !r;
    }
    case "slt": return decide(lt(a, b, true), le(b, a, true));
    case "sle": return decide(le(a, b, true), lt(b, a, true));
    case "sgt": return decide(lt(b, a, true), le(a, b, true));
    case "sge": return decide(le(b, a, true), lt(a, b, true));
    case "ult": return decide(lt(a, b, false), le(b, a, false));
    case "ule": return decide(le(a, b, false), lt(b, a, false));
    case "ugt": return decide(lt(b, a, false), le(a, b, false));
    case "uge": return decide(le(b, a, false), lt(a, b, false));
  }
  return undefined; // not a cmpi predicate: the verifier rejects it
}

let registered = false;
/** Registers arith's rules (and scf.for / cf.cond_br's) into core's range analysis; idempotent. */
export function registerArithIntRanges(): void {
  if (registered) return;
  registered = true;
  for (const [name, rule] of Object.entries(binary)) {
    intRangeTransfers.register(`arith.${name}`, {
      results: (op, [a, b]) => {
        const w = intWidthOf(op.result(0).type);
        return w && !a!.isNotInt && !b!.isNotInt ? [rule(w, a!, b!)] : undefined;
      },
    });
  }
  for (const [name, rule] of Object.entries(casts)) {
    intRangeTransfers.register(`arith.${name}`, {
      results: (op, [a]) => {
        const w = intWidthOf(op.result(0).type);
        return w && !a!.isNotInt ? [rule(w, a!)] : undefined;
      },
    });
  }
  intRangeTransfers.register("arith.constant", { results: (op) => [constantRange(op)] });
  intRangeTransfers.register("arith.select", {
    results: (op, [c, t, f]) => {
      const k = c!.constantValue;
      return [k === undefined ? t!.join(f!) : k ? t : f];
    },
  });
  intRangeTransfers.register("arith.cmpi", {
    results: (op, [a, b]) => {
      const pred = Number((op.getAttr("predicate") as IntegerAttr).value);
      if (a!.isNotInt || b!.isNotInt) return undefined;
      const d = decideCmpi(pred, a!, b!);
      return [d === undefined ? IntRange.top(1) : IntRange.constant(1, d ? 1n : 0n)];
    },
  });
  registerControlFlowRanges();
}
registerArithIntRanges();
