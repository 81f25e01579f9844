// Verification key bytes: magic, version, params, constraint system, fixed cap, digest.
// The digest is blake3 of everything before it, so it covers every gate expression, lookup
// and table definition, the public cells and the parameters; decoding recomputes and compares it.
import { blake3 } from "@noble/hashes/blake3.js";
import type { ConstraintSystem } from "../circuit/constraint-system.js";
import { readConstraintSystem, writeConstraintSystem } from "../circuit/format.js";
import { validateConstraintSystem } from "../circuit/validate.js";
import { CircuitError, FormatError, ParamsError } from "../errors.js";
import type { Digest } from "../hash/index.js";
import { ByteReader, ByteWriter } from "../util/bytes.js";
import { readHeader, writeHeader } from "../util/format-header.js";
import { readCap, writeCap } from "./cap-format.js";
import type { VerificationKey } from "./keys.js";
import { validateParams, type ProofParams } from "./params.js";

export const VK_MAGIC = 0x4b56_4b5a; // "ZKVK"

interface VkBody {
  readonly params: ProofParams;
  readonly cs: ConstraintSystem;
  readonly fixedCap: readonly Digest[];
}

function writeBody(w: ByteWriter, b: VkBody): void {
  writeHeader(w, VK_MAGIC);
  w.str(b.params.name);
  w.u8(b.params.logBlowup);
  w.u32(b.params.numQueries);
  w.u8(b.params.grindingBits);
  w.u8(b.params.finalLogLen);
  writeConstraintSystem(w, b.cs);
  writeCap(w, b.fixedCap);
}

export function vkDigest(b: VkBody): Digest {
  const w = new ByteWriter();
  writeBody(w, b);
  return blake3(w.finish());
}

export function encodeVk(vk: VerificationKey): Uint8Array {
  const w = new ByteWriter();
  writeBody(w, vk);
  w.bytes(vk.digest);
  return w.finish();
}

export function decodeVk(bytes: Uint8Array): VerificationKey {
  const r = new ByteReader(bytes, "verification key");
  readHeader(r, VK_MAGIC, "verification key");
  const params: ProofParams = {
    name: r.str("preset name"),
    logBlowup: r.u8("logBlowup"),
    numQueries: r.u32("numQueries"),
    grindingBits: r.u8("grindingBits"),
    finalLogLen: r.u8("finalLogLen"),
  };
  const cs = readConstraintSystem(r);
  const fixedCap = readCap(r, "fixed cap");
  const bodyEnd = r.offset;
  const digest = r.bytes(32, "digest");
  r.expectEnd();
  try {
    validateParams(params);
    validateConstraintSystem(cs);
  } catch (e) {
    if (e instanceof ParamsError || e instanceof CircuitError) throw new FormatError("verification key", bodyEnd, e.message);
    throw e;
  }
  const vk = { params, cs, fixedCap, digest };
  const expect = blake3(bytes.subarray(0, bodyEnd));
  if (!expect.every((x, i) => x === digest[i])) throw new FormatError("verification key", bodyEnd, "digest does not match the key contents");
  return vk;
}
