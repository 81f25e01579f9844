// Fiat-Shamir transcript: a blake3 hash chain. Every absorb is tagged and length-prefixed;
// challenges are squeezed by hashing the state with a counter and rejection-sampling field elements.
import { blake3 } from "@noble/hashes/blake3.js";
import { P, type Ext } from "../field/index.js";
import { blake3Words } from "../hash/index.js";

const enc = new TextEncoder();

function u32le(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n >>> 0, true);
  return b;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let len = 0;
  for (const p of parts) len += p.length;
  const out = new Uint8Array(len);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export class Transcript {
  private state: Uint8Array;

  constructor(domain: string) {
    this.state = blake3(enc.encode(`zkmlir-prover/v1/${domain}`));
  }

  absorb(tag: string, data: Uint8Array): void {
    const t = enc.encode(tag);
    this.state = blake3(concat([this.state, u32le(t.length), t, u32le(data.length), data]));
  }

  /** A Merkle cap: its digests in order. */
  absorbCap(tag: string, cap: readonly Uint8Array[]): void {
    this.absorb(tag, concat(cap));
  }

  absorbFields(tag: string, values: ArrayLike<bigint>): void {
    const b = new Uint8Array(values.length * 8);
    const dv = new DataView(b.buffer);
    for (let i = 0; i < values.length; i++) dv.setBigUint64(i * 8, values[i]!, true);
    this.absorb(tag, b);
  }

  absorbExts(tag: string, values: readonly Ext[]): void {
    this.absorbFields(tag, values.flat());
  }

  /** Current state, e.g. as the grinding challenge. */
  snapshot(): Uint8Array {
    return this.state.slice();
  }

  private squeeze(tag: string): Uint8Array {
    const out = blake3(concat([this.state, enc.encode(`squeeze:${tag}`)]));
    this.state = blake3(concat([this.state, enc.encode("ratchet")]));
    return out;
  }

  /** A uniform field element (rejection sampling on 64-bit words). */
  challengeField(tag: string): bigint {
    for (;;) {
      const b = this.squeeze(tag);
      const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
      for (let i = 0; i < 4; i++) {
        const v = dv.getBigUint64(i * 8, true);
        if (v < P) return v;
      }
    }
  }

  challengeExt(tag: string): Ext {
    return [this.challengeField(`${tag}.0`), this.challengeField(`${tag}.1`), this.challengeField(`${tag}.2`)];
  }

  /** `count` indices uniform in [0, 2^logRange). */
  challengeIndices(tag: string, count: number, logRange: number): number[] {
    const out: number[] = [];
    while (out.length < count) {
      const b = this.squeeze(tag);
      const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
      for (let i = 0; i < 8 && out.length < count; i++) out.push(logRange === 0 ? 0 : dv.getUint32(i * 4, true) >>> (32 - logRange));
    }
    return out;
  }
}

/** Leading zero bits of a digest read as bytes (the first byte's high bit first). */
function leadingZeroBits(d: Uint8Array, bits: number): boolean {
  let need = bits;
  for (let i = 0; need > 0; i++) {
    const byte = d[i]!;
    if (need >= 8) {
      if (byte !== 0) return false;
      need -= 8;
    } else {
      return byte >> (8 - need) === 0;
    }
  }
  return true;
}

/** Proof of work: blake3(seed || nonce as u64 LE) must start with `bits` zero bits. */
export function powOk(seed: Uint8Array, nonce: bigint, bits: number): boolean {
  if (bits === 0) return true;
  if (nonce < 0n || nonce >= 1n << 64n) return false;
  const n = new Uint8Array(8);
  new DataView(n.buffer).setBigUint64(0, nonce, true);
  return leadingZeroBits(blake3(concat([seed, n])), bits);
}

/** Smallest nonce passing powOk; hashes 40-byte words in place with the allocation-free blake3. */
export function grind(seed: Uint8Array, bits: number): bigint {
  if (bits === 0) return 0n;
  const words = new Uint32Array(10);
  new Uint8Array(words.buffer).set(seed.subarray(0, 32));
  const out = new Uint32Array(8);
  const outBytes = new Uint8Array(out.buffer);
  for (let hi = 0; hi < 0x1_0000_0000; hi++) {
    words[9] = hi;
    for (let lo = 0; lo < 0x1_0000_0000; lo++) {
      words[8] = lo;
      blake3Words(words, 0, 40, out, 0);
      if (leadingZeroBits(outBytes, bits)) return (BigInt(hi) << 32n) | BigInt(lo);
    }
  }
  throw new Error("grind: nonce space exhausted");
}

/** Transcript prefix shared by prover and verifier: the key digest, then the public values. */
export function startTranscript(vkDigest: Uint8Array, publics: readonly { readonly value: bigint }[]): Transcript {
  const tr = new Transcript("proof");
  tr.absorb("vk", vkDigest);
  tr.absorbFields("publics", publics.map((p) => p.value));
  return tr;
}
