// Function types by their exact spelling: a generic-form module repeats a few signatures on
// every op (`: (i32, i32) -> i32`), about 40% of its tokens. When the source at a position
// spells a recent signature character for character, up to a token boundary, the parser skips
// it. Identical characters give identical tokens, and parsing a function type decides nothing
// from the token after it, so the result is the type a full parse would give. Only spellings of
// builtin types are kept: no aliases (`!`, `#`), strings or comments, whose meaning or tokens
// could differ.
import type { FunctionType } from "../ir/type.js";

const SIZE = 8;
const MAX_LENGTH = 256;

/** Characters a kept spelling may contain (builtin type syntax and blanks). */
const ALLOWED = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_ ,()<>?*-\n\r\t") ALLOWED[c.charCodeAt(0)] = 1;
/** Characters that continue an identifier or number token (so no boundary between them). */
const WORD = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$.") WORD[c.charCodeAt(0)] = 1;

export class SpellingMemo {
  private spellings: string[] = [];
  private types: FunctionType[] = [];
  private next = 0;
  /** Length of the spelling found by the last successful lookup. */
  hitLength = 0;

  /** The type spelled at `src[pos..]` and its length, or undefined. */
  lookup(src: string, pos: number): FunctionType | undefined {
    const ss = this.spellings;
    for (let i = 0; i < ss.length; i++) {
      const s = ss[i]!;
      if (!src.startsWith(s, pos)) continue;
      const after = src.charCodeAt(pos + s.length);
      if (WORD[s.charCodeAt(s.length - 1)] && after < 128 && WORD[after]) continue; // `i32` vs `i32x`
      this.hitLength = s.length;
      return this.types[i];
    }
    return undefined;
  }

  /** Remembers `src[from, to)` (trailing blanks dropped) as the spelling of `t`, if it is plain. */
  remember(src: string, from: number, to: number, t: FunctionType): void {
    while (to > from && src.charCodeAt(to - 1) <= 32) to--;
    if (to - from > MAX_LENGTH) return;
    for (let i = from; i < to; i++) {
      const c = src.charCodeAt(i);
      if (c >= 128 || !ALLOWED[c]) return;
    }
    const s = src.slice(from, to);
    if (this.spellings.includes(s)) return;
    // Round robin over a few entries: signatures repeat, and a miss costs a compare per entry.
    this.spellings[this.next] = s;
    this.types[this.next] = t;
    this.next = (this.next + 1) % SIZE;
  }
}
