// A key with a valid digest but a changed constraint system or parameters (an attacker-built key)
// never verifies someone else's proof and never throws: the verifier answers {ok: false, reason}.
import { encodeProof, encodeVk, verifyProofBytes, type VerificationKey } from "../src/index.js";
import { vkDigest } from "../src/protocol/vk-format.js";
import { ALLOW, proveOk, small } from "./helpers.js";

function reKey(vk: VerificationKey, change: Partial<Omit<VerificationKey, "digest">>): Uint8Array {
  const body = { params: vk.params, cs: vk.cs, fixedCap: vk.fixedCap, ...change };
  return encodeVk({ ...body, digest: vkDigest(body) });
}

describe("malicious verification keys", () => {
  const { witness, pk } = small(24, 6, 31);
  const proof = encodeProof(proveOk(pk, witness));
  const vk = pk.vk;

  test("the honest key verifies", () => {
    expect(verifyProofBytes(proof, encodeVk(vk), ALLOW)).toEqual({ ok: true });
  });

  const cs = vk.cs;
  const changes: [string, Partial<Omit<VerificationKey, "digest">>][] = [
    ["drop a gate", { cs: { ...cs, gates: cs.gates.slice(1) } }],
    ["drop a lookup", { cs: { ...cs, lookups: cs.lookups.slice(1) } }],
    ["drop the copy constraints", { cs: { ...cs, permColumns: [] } }],
    ["drop a public input", { cs: { ...cs, publics: cs.publics.slice(1) } }],
    ["more rows", { cs: { ...cs, rows: cs.rows * 4 } }],
    ["huge rows", { cs: { ...cs, rows: 1 << 26 } }],
    ["other fixed cap", { fixedCap: vk.fixedCap.map((d, i) => (i === 0 ? new Uint8Array(32).fill(7) : d)) }],
    ["fixed cap of the wrong size", { fixedCap: vk.fixedCap.slice(1) }],
    ["more queries", { params: { ...vk.params, numQueries: vk.params.numQueries + 1 } }],
    ["bigger blowup", { params: { ...vk.params, logBlowup: vk.params.logBlowup + 1 } }],
    ["gate selector is not a selector", { cs: { ...cs, gates: cs.gates.map((g, i) => (i === 0 ? { ...g, selector: cs.fixed.findIndex((f) => f.kind === "fixed") } : g)) } }],
    ["table bigger than the circuit", { cs: { ...cs, tables: cs.tables.map((t) => ({ ...t, size: cs.rows + 1 })) } }],
    ["public cell out of range", { cs: { ...cs, publics: cs.publics.map((p) => ({ ...p, row: cs.rows })) } }],
  ];
  test.each(changes)("%s", (_name, change) => {
    const r = verifyProofBytes(proof, reKey(vk, change), ALLOW);
    expect(r.ok).toBe(false);
  });
});
