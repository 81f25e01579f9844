// Versioned binary format for circuits (constraint system + fixed values + copies + labels) and
// witnesses. Layout documented in docs/formats.md. Decoding is strict: any malformed stream ends
// in a FormatError (truncation, bad tag, non-canonical element, out-of-range index, trailing bytes).
import { CircuitError, FormatError } from "../errors.js";
import { ByteReader, ByteWriter } from "../util/bytes.js";
import { readHeader, writeHeader } from "../util/format-header.js";
import type { Circuit, Witness } from "./circuit.js";
import { constraintSystem, permutationColumns, type ConstraintSystem } from "./constraint-system.js";
import type { Expr } from "./expr.js";
import { MAX_ROTATION, MAX_ROWS, validateCircuit, validateWitness } from "./validate.js";

export const CIRCUIT_MAGIC = 0x4352_4b5a; // "ZKRC" little-endian
export const WITNESS_MAGIC = 0x5457_4b5a; // "ZKWT"
export { FORMAT_VERSION } from "../util/format-header.js";
const MAX_EXPR_DEPTH = 4096;
const MAX_COUNT = 1 << 24;

const TAG = { col: 0, const: 1, add: 2, sub: 3, mul: 4, neg: 5 } as const;

export function writeExpr(w: ByteWriter, e: Expr): void {
  // Iterative pre-order so deep sums do not overflow the stack.
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    w.u8(TAG[x.op]);
    if (x.op === "col") {
      w.u8(x.kind === "advice" ? 0 : 1);
      w.u32(x.index);
      w.u8(x.rot);
    } else if (x.op === "const") {
      w.u64(x.value);
    } else if (x.op === "neg") {
      stack.push(x.a);
    } else {
      stack.push(x.b, x.a);
    }
  }
}

export function readExpr(r: ByteReader, depth = 0): Expr {
  if (depth > MAX_EXPR_DEPTH) r.fail(`expression deeper than ${MAX_EXPR_DEPTH}`);
  const tag = r.u8("expression tag");
  switch (tag) {
    case TAG.col: {
      const kind = r.u8("column kind");
      if (kind > 1) r.fail(`bad column kind ${kind}`);
      const index = r.u32("column index");
      const rot = r.u8("rotation");
      if (rot > MAX_ROTATION) r.fail(`rotation ${rot} exceeds ${MAX_ROTATION}`);
      return { op: "col", kind: kind === 0 ? "advice" : "fixed", index, rot };
    }
    case TAG.const:
      return { op: "const", value: r.field("constant") };
    case TAG.neg:
      return { op: "neg", a: readExpr(r, depth + 1) };
    case TAG.add:
    case TAG.sub:
    case TAG.mul: {
      const op = tag === TAG.add ? "add" : tag === TAG.sub ? "sub" : "mul";
      const a = readExpr(r, depth + 1);
      const b = readExpr(r, depth + 1);
      return { op, a, b };
    }
    default:
      return r.fail(`unknown expression tag ${tag}`);
  }
}

export function writeConstraintSystem(w: ByteWriter, cs: ConstraintSystem): void {
  w.u32(cs.rows);
  w.u32(cs.advice.length);
  for (const a of cs.advice) w.str(a.name);
  w.u32(cs.fixed.length);
  for (const f of cs.fixed) {
    w.str(f.name);
    w.u8(f.kind === "selector" ? 1 : 0);
  }
  w.u32(cs.gates.length);
  for (const g of cs.gates) {
    w.str(g.name);
    w.u32(g.selector);
    w.u32(g.polys.length);
    for (const p of g.polys) writeExpr(w, p);
  }
  w.u32(cs.tables.length);
  for (const t of cs.tables) {
    w.str(t.name);
    w.u32(t.size);
    w.u32(t.columns.length);
    for (const c of t.columns) w.u32(c);
  }
  w.u32(cs.lookups.length);
  for (const l of cs.lookups) {
    w.str(l.name);
    w.u32(l.selector);
    w.u32(l.table);
    w.u32(l.inputs.length);
    for (const e of l.inputs) writeExpr(w, e);
  }
  w.u32(cs.publics.length);
  for (const p of cs.publics) {
    w.str(p.label);
    w.u32(p.scale);
    w.u32(p.column);
    w.u32(p.row);
  }
  w.u32(cs.permColumns.length);
  for (const c of cs.permColumns) w.u32(c);
}

export function readConstraintSystem(r: ByteReader): ConstraintSystem {
  const rows = r.count("rows", 1, MAX_ROWS);
  const advice = Array.from({ length: r.count("advice count", 0, MAX_COUNT) }, () => ({ name: r.str("advice name") }));
  const fixed = Array.from({ length: r.count("fixed count", 0, MAX_COUNT) }, () => {
    const name = r.str("fixed name");
    const k = r.u8("fixed kind");
    if (k > 1) r.fail(`bad fixed column kind ${k}`);
    return { name, kind: k === 1 ? ("selector" as const) : ("fixed" as const) };
  });
  const gates = Array.from({ length: r.count("gate count", 0, MAX_COUNT) }, () => {
    const name = r.str("gate name");
    const selector = r.u32("gate selector");
    const polys = Array.from({ length: r.count("gate constraint count", 1, MAX_COUNT) }, () => readExpr(r));
    return { name, selector, polys };
  });
  const tables = Array.from({ length: r.count("table count", 0, MAX_COUNT) }, () => {
    const name = r.str("table name");
    const size = r.count("table size", 1, MAX_ROWS);
    const columns = Array.from({ length: r.count("table width", 1, 1024) }, () => r.u32("table column"));
    return { name, size, columns };
  });
  const lookups = Array.from({ length: r.count("lookup count", 0, MAX_COUNT) }, () => {
    const name = r.str("lookup name");
    const selector = r.u32("lookup selector");
    const table = r.u32("lookup table");
    const inputs = Array.from({ length: r.count("lookup width", 1, 1024) }, () => readExpr(r));
    return { name, selector, table, inputs };
  });
  const publics = Array.from({ length: r.count("public count", 0, MAX_COUNT) }, () => {
    const label = r.str("public label");
    const scale = r.count("public scale", 0, 64);
    const column = r.u32("public column");
    const row = r.u32("public row");
    return { label, scale, column, row };
  });
  const permColumns = Array.from({ length: r.count("permutation column count", 0, advice.length) }, () => r.u32("permutation column"));
  permColumns.forEach((c, i) => {
    if (c >= advice.length || (i > 0 && c <= permColumns[i - 1]!)) r.fail(`permutation columns must be ascending advice indices`);
  });
  return { rows, advice, fixed, gates, tables, lookups, publics, permColumns };
}

export function encodeCircuit(c: Circuit): Uint8Array {
  const w = new ByteWriter();
  writeHeader(w, CIRCUIT_MAGIC);
  writeConstraintSystem(w, constraintSystem(c));
  for (const v of c.fixedValues) w.fvec(v);
  w.u32(c.copies.length);
  for (const [a, b] of c.copies) {
    w.u32(a.column);
    w.u32(a.row);
    w.u32(b.column);
    w.u32(b.row);
  }
  w.u32(c.rowLabels.length);
  for (const l of c.rowLabels) {
    w.u32(l.start);
    w.u32(l.end);
    w.str(l.label);
  }
  return w.finish();
}

export function decodeCircuit(bytes: Uint8Array): Circuit {
  const r = new ByteReader(bytes, "circuit");
  readHeader(r, CIRCUIT_MAGIC, "circuit file", "circuit format");
  const cs = readConstraintSystem(r);
  const fixedValues = cs.fixed.map((f) => r.fvec(`fixed column '${f.name}'`, cs.rows));
  const cell = (): { column: number; row: number } => ({ column: r.u32("copy column"), row: r.u32("copy row") });
  const copies = Array.from({ length: r.count("copy count", 0, MAX_COUNT) }, () => [cell(), cell()] as const);
  const rowLabels = Array.from({ length: r.count("label count", 0, MAX_COUNT) }, () => ({ start: r.u32("label start"), end: r.u32("label end"), label: r.str("label") }));
  r.expectEnd();
  const c: Circuit = { rows: cs.rows, advice: cs.advice, fixed: cs.fixed, fixedValues, gates: cs.gates, tables: cs.tables, lookups: cs.lookups, copies, publics: cs.publics, rowLabels };
  if (permutationColumns(copies).join() !== cs.permColumns.join()) r.fail("permutation columns do not match the copy constraints");
  try {
    validateCircuit(c);
  } catch (e) {
    if (e instanceof CircuitError) throw new FormatError("circuit", r.offset, `invalid circuit: ${e.message}`);
    throw e;
  }
  return c;
}

export function encodeWitness(w: Witness): Uint8Array {
  const bw = new ByteWriter();
  writeHeader(bw, WITNESS_MAGIC);
  bw.u32(w.advice.length);
  for (const v of w.advice) bw.fvec(v);
  return bw.finish();
}

/** Decodes a witness and checks it against the circuit's shape. */
export function decodeWitness(bytes: Uint8Array, c: Circuit): Witness {
  const r = new ByteReader(bytes, "witness");
  readHeader(r, WITNESS_MAGIC, "witness file", "witness format");
  const n = r.count("advice count", c.advice.length, c.advice.length);
  const advice = Array.from({ length: n }, (_, i) => r.fvec(`witness column ${i}`, c.rows));
  r.expectEnd();
  const w = { advice };
  validateWitness(c, w);
  return w;
}
