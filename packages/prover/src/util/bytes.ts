// Little-endian byte writer/reader for the binary formats. The reader is strict: every read is
// bounds-checked and field elements must be canonical, so malformed input ends in a FormatError.
import { FormatError } from "../errors.js";
import { P } from "../field/index.js";

const MAX_LEN = 1 << 28;

export class ByteWriter {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  private len = 0;

  private reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.reserve(1);
    this.buf[this.len++] = v & 0xff;
  }

  u32(v: number): void {
    this.reserve(4);
    this.view.setUint32(this.len, v >>> 0, true);
    this.len += 4;
  }

  u64(v: bigint): void {
    this.reserve(8);
    this.view.setBigUint64(this.len, BigInt.asUintN(64, v), true);
    this.len += 8;
  }

  /** A signed 32-bit integer (rotations). */
  i32(v: number): void {
    this.reserve(4);
    this.view.setInt32(this.len, v, true);
    this.len += 4;
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  /** Length-prefixed UTF-8 string. */
  str(s: string): void {
    const b = new TextEncoder().encode(s);
    this.u32(b.length);
    this.bytes(b);
  }

  /** A column of field elements, length-prefixed. */
  fvec(v: BigUint64Array): void {
    this.u32(v.length);
    this.reserve(v.length * 8);
    for (let i = 0; i < v.length; i++) {
      this.view.setBigUint64(this.len, v[i]!, true);
      this.len += 8;
    }
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

export class ByteReader {
  private pos = 0;
  private readonly view: DataView;

  constructor(private readonly data: Uint8Array, private readonly what: string) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  fail(message: string): never {
    throw new FormatError(this.what, this.pos, message);
  }

  private need(n: number, what: string): void {
    if (this.pos + n > this.data.length) this.fail(`truncated while reading ${what} (${n} bytes needed, ${this.data.length - this.pos} left)`);
  }

  u8(what = "u8"): number {
    this.need(1, what);
    return this.data[this.pos++]!;
  }

  u32(what = "u32"): number {
    this.need(4, what);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  i32(what = "i32"): number {
    this.need(4, what);
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }

  u64(what = "u64"): bigint {
    this.need(8, what);
    const v = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return v;
  }

  /** A canonical field element (< p); anything else is rejected. */
  field(what = "field element"): bigint {
    const at = this.pos;
    const v = this.u64(what);
    if (v >= P) throw new FormatError(this.what, at, `non-canonical ${what} ${v}`);
    return v;
  }

  /** A length prefix bounded by `max` (defends against huge allocations). */
  len(what: string, max = MAX_LEN): number {
    const at = this.pos;
    const n = this.u32(`${what} length`);
    if (n > max) throw new FormatError(this.what, at, `${what} length ${n} exceeds limit ${max}`);
    return n;
  }

  bytes(n: number, what = "bytes"): Uint8Array {
    this.need(n, what);
    const b = this.data.slice(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }

  str(what = "string"): string {
    const n = this.len(what, 1 << 16);
    const b = this.bytes(n, what);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(b);
    } catch {
      return this.fail(`invalid UTF-8 in ${what}`);
    }
  }

  fvec(what: string, exactLen?: number): BigUint64Array {
    const n = this.len(what, (this.data.length - this.pos) / 8 + 1);
    if (exactLen !== undefined && n !== exactLen) this.fail(`${what} has ${n} elements, expected ${exactLen}`);
    const out = new BigUint64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.field(what);
    return out;
  }

  /** A whole-number count checked against [min, max]. */
  count(what: string, min: number, max: number): number {
    const at = this.pos;
    const n = this.u32(what);
    if (n < min || n > max) throw new FormatError(this.what, at, `${what} ${n} outside [${min}, ${max}]`);
    return n;
  }

  expectEnd(): void {
    if (this.pos !== this.data.length) this.fail(`${this.data.length - this.pos} trailing bytes`);
  }

  get offset(): number {
    return this.pos;
  }
}
