// The printer's output: short pieces are copied into a byte array, decoded once per chunk; long
// pieces (hex dense data) are kept as strings. Measured on the 100k-op bench module (1.4M
// pieces, 5.1 MB): a rope of `+=` then flattened ~100 ms, an array of pieces then `join` ~85 ms,
// this ~30 ms, and the result is a flat one-byte string. A 64M-character piece copied char by
// char took ~540 ms (the encoder ~130 ms), kept as a string it is one `join`.
// Output is nearly always ASCII; the first other character switches the chunk to UTF-16 code
// units, decoded with String.fromCharCode so that even lone surrogates survive.

const INITIAL = 1 << 12;
const DECODE_CHUNK = 1 << 13;
/** Pieces longer than this are kept as strings rather than copied. */
const LONG = 1 << 10;
const ascii = new TextDecoder();

export class OutputBuffer {
  /** Finished text, in order, before the current chunk. */
  private parts: string[] = [];
  private partsLength = 0;
  private bytes = new Uint8Array(INITIAL);
  /** The current chunk's code units once it holds a non-ASCII character. */
  private units: Uint16Array | undefined;
  private n = 0;

  /** Characters written so far. */
  get length(): number { return this.partsLength + this.n; }

  write(s: string): void {
    const len = s.length;
    if (len > LONG) return this.writeLong(s);
    if (this.units) return this.writeWide(s);
    let b = this.bytes;
    if (this.n + len > b.length) b = this.bytes = grow(b, this.n, this.n + len);
    let n = this.n;
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) {
        this.n = n;
        this.widen();
        return this.writeWide(s.slice(i));
      }
      b[n++] = c;
    }
    this.n = n;
  }

  /** The text written since `mark` (a former `length`), removed from the buffer. */
  takeFrom(mark: number): string {
    if (mark >= this.partsLength) {
      // Within the current chunk (the usual case: no long piece since the mark).
      const from = mark - this.partsLength;
      const s = this.decode(from, this.n);
      this.n = from;
      return s;
    }
    const all = this.toString();
    this.parts = [all.slice(0, mark)];
    this.partsLength = mark;
    return all.slice(mark);
  }

  toString(): string {
    this.flush();
    if (this.parts.length > 1) this.parts = [this.parts.join("")];
    return this.parts[0] ?? "";
  }

  private writeLong(s: string): void {
    this.flush();
    this.parts.push(s);
    this.partsLength += s.length;
  }

  /** Moves the current chunk into `parts` (back to one byte per character). */
  private flush(): void {
    if (!this.n) return;
    const s = this.decode(0, this.n);
    this.parts.push(s);
    this.partsLength += s.length;
    this.n = 0;
    this.units = undefined;
  }

  private decode(from: number, to: number): string {
    if (!this.units) return ascii.decode(this.bytes.subarray(from, to));
    const parts: string[] = [];
    for (let i = from; i < to; i += DECODE_CHUNK) {
      parts.push(String.fromCharCode.apply(null, this.units.subarray(i, Math.min(to, i + DECODE_CHUNK)) as unknown as number[]));
    }
    return parts.join("");
  }

  private widen(): void {
    const u = new Uint16Array(Math.max(INITIAL, this.bytes.length));
    u.set(this.bytes.subarray(0, this.n));
    this.units = u;
  }

  private writeWide(s: string): void {
    let u = this.units!;
    if (this.n + s.length > u.length) u = this.units = grow(u, this.n, this.n + s.length);
    let n = this.n;
    for (let i = 0; i < s.length; i++) u[n++] = s.charCodeAt(i);
    this.n = n;
  }
}

function grow<T extends Uint8Array | Uint16Array>(a: T, used: number, need: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(a.length * 2, need));
  b.set(a.subarray(0, used));
  return b;
}
