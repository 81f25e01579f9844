// Tampering: changing any region of a valid proof (roots, OOD values, FRI layers, final polynomial,
// leaves, Merkle siblings, nonce, lengths) or flipping random bits of its bytes fails verification.
import { decodeProof, encodeProof, encodeVk, verifyProofBytes, type Proof } from "../src/index.js";
import type { Ext } from "../src/field/index.js";
import { ALLOW, P_MOD, check, proveOk, small } from "./helpers.js";
import { testRandom } from "../src/bench/random-circuit.js";

const bump = (x: bigint): bigint => (x + 1n) % P_MOD;
const bumpExt = (e: Ext): Ext => [bump(e[0]), e[1], e[2]];
const flipDigest = (d: Uint8Array): Uint8Array => {
  const c = d.slice();
  c[7]! ^= 0x10;
  return c;
};

type Edit = (p: Proof) => Proof;

function replaceAt<T>(xs: readonly T[], i: number, f: (x: T) => T): T[] {
  return xs.map((x, j) => (j === i ? f(x) : x));
}

describe("tampering with a valid proof", () => {
  const { witness, pk } = small(40, 6, 21);
  const proof = proveOk(pk, witness);
  const q = proof.queries.length;

  test("the untouched proof verifies", () => {
    expect(check(pk, proof)).toEqual({ ok: true });
    expect(proof.friCaps.length).toBeGreaterThan(0);
  });

  const edits: [string, Edit][] = [
    ...[0, 1, 2].map((i): [string, Edit] => [`commitment cap ${i}`, (p) => ({ ...p, caps: replaceAt(p.caps, i, (c) => replaceAt(c, c.length - 1, flipDigest)) })]),
    ...[0, 1, 2, 3].map((b): [string, Edit] => [
      `OOD value of batch ${b}`,
      (p) => ({ ...p, openings: replaceAt(p.openings, b, (pts) => replaceAt(pts, 0, (vals) => replaceAt(vals, 0, bumpExt))) }),
    ]),
    ["OOD value at the next-row point", (p) => ({ ...p, openings: replaceAt(p.openings, 1, (pts) => replaceAt(pts, 1, (vals) => replaceAt(vals, 2, bumpExt))) })],
    ["first FRI layer cap", (p) => ({ ...p, friCaps: replaceAt(p.friCaps, 0, (c) => replaceAt(c, 0, flipDigest)) })],
    ["last FRI layer cap", (p) => ({ ...p, friCaps: replaceAt(p.friCaps, p.friCaps.length - 1, (c) => replaceAt(c, 0, flipDigest)) })],
    ["a cap digest fewer", (p) => ({ ...p, caps: replaceAt(p.caps, 1, (c) => c.slice(1)) })],
    ["final polynomial coefficient", (p) => ({ ...p, finalPoly: replaceAt(p.finalPoly, p.finalPoly.length - 1, bumpExt) })],
    ["nonce", (p) => ({ ...p, nonce: p.nonce + 1n })],
    ...[0, 1, 2, 3].map((b): [string, Edit] => [
      `query leaf of batch ${b}`,
      (p) => ({ ...p, queries: replaceAt(p.queries, q - 1, (qq) => ({ ...qq, batches: replaceAt(qq.batches, b, (o) => ({ ...o, values: replaceAt(o.values, o.values.length - 1, bump) })) })) }),
    ]),
    ...[0, 1, 2, 3].map((b): [string, Edit] => [
      `Merkle sibling of batch ${b}`,
      (p) => ({ ...p, queries: replaceAt(p.queries, 0, (qq) => ({ ...qq, batches: replaceAt(qq.batches, b, (o) => ({ ...o, siblings: replaceAt(o.siblings, 1, flipDigest) })) })) }),
    ]),
    ["FRI layer leaf", (p) => ({ ...p, queries: replaceAt(p.queries, 0, (qq) => ({ ...qq, layers: replaceAt(qq.layers, 0, (o) => ({ ...o, values: replaceAt(o.values, 4, bump) })) })) })],
    ["FRI layer sibling", (p) => ({ ...p, queries: replaceAt(p.queries, 1, (qq) => ({ ...qq, layers: replaceAt(qq.layers, 0, (o) => ({ ...o, siblings: replaceAt(o.siblings, 0, flipDigest) })) })) })],
    ["one query fewer", (p) => ({ ...p, queries: p.queries.slice(1) })],
    ["one FRI layer fewer", (p) => ({ ...p, friCaps: p.friCaps.slice(1) })],
    ["final polynomial one longer", (p) => ({ ...p, finalPoly: [...p.finalPoly, [0n, 0n, 0n] as Ext] })],
    ["an opened column fewer", (p) => ({ ...p, openings: replaceAt(p.openings, 1, (pts) => pts.map((v) => v.slice(1))) })],
    ["a leaf value fewer", (p) => ({ ...p, queries: replaceAt(p.queries, 0, (qq) => ({ ...qq, batches: replaceAt(qq.batches, 0, (o) => ({ ...o, values: o.values.slice(1) })) })) })],
    ["a sibling fewer", (p) => ({ ...p, queries: replaceAt(p.queries, 0, (qq) => ({ ...qq, batches: replaceAt(qq.batches, 2, (o) => ({ ...o, siblings: o.siblings.slice(1) })) })) })],
    ["a public value fewer", (p) => ({ ...p, publics: p.publics.slice(1) })],
    ["a non-canonical public value (same residue)", (p) => ({ ...p, publics: replaceAt(p.publics, 0, (v) => ({ ...v, value: v.value + P_MOD })) })],
    ["a non-canonical opened value (same residue)", (p) => ({ ...p, openings: replaceAt(p.openings, 0, (pts) => replaceAt(pts, 0, (vals) => replaceAt(vals, 0, (e) => [e[0] + P_MOD, e[1], e[2]] as Ext))) })],
  ];

  test.each(edits)("%s", (_name, edit) => {
    const r = check(pk, edit(proof));
    expect(r.ok).toBe(false);
  });

  test("random bit flips anywhere in the bytes are rejected, never thrown", () => {
    const bytes = encodeProof(proof);
    const vk = encodeVk(pk.vk);
    expect(verifyProofBytes(bytes, vk, ALLOW)).toEqual({ ok: true });
    const rnd = testRandom(99);
    for (let i = 0; i < 120; i++) {
      const pos = Number(rnd() % BigInt(bytes.length));
      const bad = bytes.slice();
      bad[pos]! ^= 1 << Number(rnd() % 8n);
      const r = verifyProofBytes(bad, vk, ALLOW);
      if (r.ok) throw new Error(`flip at byte ${pos} accepted`);
    }
  });

  test("truncations and trailing bytes are format errors", () => {
    const bytes = encodeProof(proof);
    for (const len of [0, 3, 8, 100, bytes.length >> 1, bytes.length - 1]) {
      expect(() => decodeProof(bytes.subarray(0, len))).toThrow(/FormatError|truncated/);
    }
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expect(() => decodeProof(longer)).toThrow(/1 trailing bytes/);
  });

  test("a non-canonical field element is a format error", () => {
    const bytes = encodeProof(proof);
    // The first public value sits after magic, version, count, label (len + bytes), scale.
    const labelLen = new DataView(bytes.buffer).getUint32(12, true);
    const at = 16 + labelLen + 4;
    const bad = bytes.slice();
    new DataView(bad.buffer).setBigUint64(at, P_MOD, true);
    expect(() => decodeProof(bad)).toThrow(/non-canonical public value/);
  });
});
