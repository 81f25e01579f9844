// Number formatting shared by the printer: floats must re-parse bit-exact in zkmlir and mlir-opt.

/** Shortest decimal that rounds back to `v` at the given width, always with a '.' (MLIR's float grammar). */
export function formatFloat(v: number, width: 16 | 32 | 64): string | undefined {
  if (!Number.isFinite(v)) return undefined;
  let s: string;
  if (width === 32) {
    s = "";
    for (let p = 1; p <= 9; p++) {
      const c = v.toPrecision(p);
      if (Math.fround(Number(c)) === v) { s = c; break; }
    }
    s = normalize(s || String(v));
  } else {
    s = normalize(String(v));
  }
  if (Object.is(v, -0)) s = "-0.0";
  return s;
}

function normalize(s: string): string {
  // toPrecision may give "1.00e+5" or "100"; ensure a '.' before any exponent.
  let [mant, exp] = s.split("e") as [string, string | undefined];
  if (mant.includes(".")) mant = mant.replace(/0+$/, "").replace(/\.$/, ".0");
  else mant = `${mant}.0`;
  return exp !== undefined ? `${mant}e${exp.startsWith("-") || exp.startsWith("+") ? exp : `+${exp}`}` : mant;
}

const f32buf = new Float32Array(1);
const f64buf = new Float64Array(1);
const u32 = new Uint32Array(f32buf.buffer);
const u64 = new BigUint64Array(f64buf.buffer);

/** Hex bit pattern (MLIR prints NaN/Inf floats this way), e.g. 0x7FC00000. */
export function floatBitsHex(v: number, width: 32 | 64): string {
  if (width === 32) {
    f32buf[0] = v;
    return `0x${u32[0]!.toString(16).toUpperCase().padStart(8, "0")}`;
  }
  f64buf[0] = v;
  return `0x${u64[0]!.toString(16).toUpperCase().padStart(16, "0")}`;
}

export function floatFromBits(bits: bigint, width: 32 | 64): number {
  if (width === 32) {
    u32[0] = Number(bits & 0xffffffffn);
    return f32buf[0]!;
  }
  u64[0] = bits;
  return f64buf[0]!;
}

// Hex conversion runs over whole weight tensors (MBs): character codes through lookup tables,
// and one decode, rather than a string per byte. 16 MB of f32 data: print 734 -> ~70 ms.
const HEX_CODES = new TextEncoder().encode("0123456789ABCDEF");
const hexText = new TextDecoder();
export function bytesToHex(b: Uint8Array): string {
  const out = new Uint8Array(b.length * 2);
  for (let i = 0, j = 0; i < b.length; i++) {
    const v = b[i]!;
    out[j++] = HEX_CODES[v >> 4]!;
    out[j++] = HEX_CODES[v & 15]!;
  }
  return hexText.decode(out);
}

/** Value of each hex digit's character code; 255 for any other character. */
const HEX_VALUE = new Uint8Array(128).fill(255);
for (let i = 0; i < 16; i++) {
  HEX_VALUE["0123456789abcdef".charCodeAt(i)] = i;
  HEX_VALUE["0123456789ABCDEF".charCodeAt(i)] = i;
}
export function hexToBytes(h: string): Uint8Array | undefined {
  if (h.length % 2) return undefined;
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) {
    const a = h.charCodeAt(2 * i), b = h.charCodeAt(2 * i + 1);
    const hi = a < 128 ? HEX_VALUE[a]! : 255, lo = b < 128 ? HEX_VALUE[b]! : 255;
    if (hi === 255 || lo === 255) return undefined;
    out[i] = (hi << 4) | lo;
  }
  return out;
}
