// Proof bytes (docs/formats.md): strict decoding; element counts are checked against the
// verification key's shape by the verifier, structural limits here.
import { ByteReader, ByteWriter } from "../util/bytes.js";
import type { Ext } from "../field/index.js";
import { readHeader, writeHeader } from "../util/format-header.js";
import { readCap, writeCap } from "./cap-format.js";
import type { Opening, Proof, PublicValue, QueryProof } from "./proof.js";

export const PROOF_MAGIC = 0x5250_4b5a; // "ZKPR"
const LIMIT = 1 << 20;

function writeExt(w: ByteWriter, e: Ext): void {
  w.u64(e[0]);
  w.u64(e[1]);
  w.u64(e[2]);
}

function writeOpening(w: ByteWriter, o: Opening): void {
  w.u32(o.values.length);
  for (const v of o.values) w.u64(v);
  w.u32(o.siblings.length);
  for (const s of o.siblings) w.bytes(s);
}

export function encodeProof(p: Proof): Uint8Array {
  const w = new ByteWriter();
  writeHeader(w, PROOF_MAGIC);
  w.u32(p.publics.length);
  for (const v of p.publics) {
    w.str(v.label);
    w.u32(v.scale);
    w.u64(v.value);
  }
  w.u32(p.caps.length);
  for (const c of p.caps) writeCap(w, c);
  w.u32(p.openings.length);
  for (const batch of p.openings) {
    w.u32(batch.length);
    for (const point of batch) {
      w.u32(point.length);
      for (const e of point) writeExt(w, e);
    }
  }
  w.u32(p.friCaps.length);
  for (const c of p.friCaps) writeCap(w, c);
  w.u32(p.finalPoly.length);
  for (const e of p.finalPoly) writeExt(w, e);
  w.u64(p.nonce);
  w.u32(p.queries.length);
  for (const q of p.queries) {
    w.u32(q.batches.length);
    q.batches.forEach((o) => writeOpening(w, o));
    w.u32(q.layers.length);
    q.layers.forEach((o) => writeOpening(w, o));
  }
  return w.finish();
}

function readExt(r: ByteReader, what: string): Ext {
  return [r.field(what), r.field(what), r.field(what)];
}

function readOpening(r: ByteReader): Opening {
  const values = Array.from({ length: r.len("leaf", LIMIT) }, () => r.field("leaf value"));
  const siblings = Array.from({ length: r.len("path", 32) }, () => r.bytes(32, "sibling"));
  return { values, siblings };
}

export function decodeProof(bytes: Uint8Array): Proof {
  const r = new ByteReader(bytes, "proof");
  readHeader(r, PROOF_MAGIC, "proof");
  const publics: PublicValue[] = Array.from({ length: r.len("publics", LIMIT) }, () => ({
    label: r.str("public label"),
    scale: r.count("public scale", 0, 64),
    value: r.field("public value"),
  }));
  const caps = Array.from({ length: r.count("commitment count", 0, 16) }, () => readCap(r, "cap"));
  const openings = Array.from({ length: r.count("opened batches", 0, 16) }, () =>
    Array.from({ length: r.count("opening points", 0, 64) }, () => Array.from({ length: r.len("opened columns", LIMIT) }, () => readExt(r, "opened value"))),
  );
  const friCaps = Array.from({ length: r.count("FRI layers", 0, 40) }, () => readCap(r, "cap"));
  const finalPoly = Array.from({ length: r.len("final polynomial", 1 << 12) }, () => readExt(r, "final coefficient"));
  const nonce = r.u64("nonce");
  const queries: QueryProof[] = Array.from({ length: r.count("query count", 0, 1024) }, () => ({
    batches: Array.from({ length: r.count("query batches", 0, 16) }, () => readOpening(r)),
    layers: Array.from({ length: r.count("query layers", 0, 40) }, () => readOpening(r)),
  }));
  r.expectEnd();
  return { publics, caps, openings, friCaps, finalPoly, nonce, queries };
}
