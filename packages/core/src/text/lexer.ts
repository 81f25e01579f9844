// MLIR lexer: scans one token at a time from a string (no token array, no per-char allocation).
import { ParseError } from "../ir/diagnostics.js";
import { FileLineColLoc, type LineColSource, type LocationSource } from "../ir/location.js";

export type TokKind =
  | "eof" | "bare_id" | "percent_id" | "caret_id" | "at_id" | "hash_id" | "excl_id"
  | "integer" | "float" | "string"
  | "(" | ")" | "[" | "]" | "{" | "}" | "<" | ">" | "," | ":" | "=" | "->" | "?" | "*" | "+" | "-"
  | "..." | "{-#" | "#-}" | "|" | "::";

const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isIdChar = (c: number) => isLetter(c) || isDigit(c) || c === 36 || c === 46; // $ .
const isSuffixChar = (c: number) => isIdChar(c) || c === 45; // -

// Character classes of ASCII codes (bit flags; other codes are 0, and reads past 127 give
// undefined, which `&` treats as 0).
const LETTER = 1, DIGIT = 2, ID = 4, SUFFIX = 8;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  CLASS[c] = (isLetter(c) ? LETTER : 0) | (isDigit(c) ? DIGIT : 0) | (isIdChar(c) ? ID : 0) | (isSuffixChar(c) ? SUFFIX : 0);
}
/** Tokens that are always one character, by code. */
const SINGLE: (TokKind | undefined)[] = new Array<TokKind | undefined>(128).fill(undefined);
for (const k of ["(", ")", "[", "]", "}", "<", ">", ",", "=", "?", "*", "+", "|"] as const) SINGLE[k.charCodeAt(0)] = k;

export class Lexer implements LineColSource, LocationSource {
  kind: TokKind = "eof";
  start = 0;
  end = 0;
  private lineStarts: number[] | undefined;

  constructor(readonly src: string, readonly file = "-") {
    this.next();
  }

  get text(): string { return this.src.slice(this.start, this.end); }

  /** A location resolved to line:col only when someone looks at it. */
  lazyLoc(pos = this.start): FileLineColLoc {
    return FileLineColLoc.lazy(this.file, this, pos);
  }

  locationAt(pos: number): FileLineColLoc { return this.loc(pos); }

  lineCol(pos: number): [number, number] {
    const l = this.loc(pos);
    return [l.line, l.col];
  }

  loc(pos = this.start): FileLineColLoc {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = 0; i < this.src.length; i++) if (this.src.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
    const ls = this.lineStarts;
    let lo = 0, hi = ls.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ls[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return new FileLineColLoc(this.file, lo + 1, pos - ls[lo]! + 1);
  }

  error(msg: string, pos = this.start): never {
    throw new ParseError(msg, this.loc(pos));
  }

  /** Re-positions the lexer (used after raw character scanning). */
  resetTo(pos: number): void {
    this.end = pos;
    this.next();
  }

  next(): void {
    const s = this.src;
    const n = s.length;
    let i = this.end;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 10 || c === 9 || c === 13) { i++; continue; }
      if (c === 47 && s.charCodeAt(i + 1) === 47) {
        while (i < n && s.charCodeAt(i) !== 10) i++;
        continue;
      }
      break;
    }
    this.start = i;
    if (i >= n) { this.kind = "eof"; this.end = i; return; }
    const c = s.charCodeAt(i);
    // Table lookups, not a closure or a long switch: this runs once per token.
    const single = c < 128 ? SINGLE[c] : undefined;
    if (single !== undefined) {
      this.kind = single;
      this.end = i + 1;
      return;
    }
    const cls = c < 128 ? CLASS[c]! : 0;
    if (cls & LETTER) {
      let j = i + 1;
      while (j < n && (CLASS[s.charCodeAt(j)]! & ID)) j++;
      this.kind = "bare_id";
      this.end = j;
      return;
    }
    if (cls & DIGIT) return this.lexNumber(i);
    let k: TokKind | undefined;
    let len = 1;
    switch (c) {
      case 123: if (s.startsWith("{-#", i)) { k = "{-#"; len = 3; } else k = "{"; break;
      case 58: if (s.charCodeAt(i + 1) === 58) { k = "::"; len = 2; } else k = ":"; break;
      case 45: if (s.charCodeAt(i + 1) === 62) { k = "->"; len = 2; } else k = "-"; break;
      case 46: if (s.startsWith("...", i)) { k = "..."; len = 3; } break;
      case 34: return this.lexString(i);
      case 37: return this.lexPrefixed(i, "percent_id");
      case 94: return this.lexPrefixed(i, "caret_id");
      case 35: if (s.startsWith("#-}", i)) { k = "#-}"; len = 3; break; } return this.lexPrefixed(i, "hash_id");
      case 33: return this.lexPrefixed(i, "excl_id");
      case 64: {
        if (s.charCodeAt(i + 1) === 34) {
          this.lexString(i + 1);
          this.start = i;
          this.kind = "at_id";
          return;
        }
        return this.lexPrefixed(i, "at_id");
      }
    }
    if (k !== undefined) {
      this.kind = k;
      this.end = i + len;
      return;
    }
    this.error(`unexpected character '${s[i]}'`, i);
  }

  private lexPrefixed(i: number, kind: TokKind): void {
    const s = this.src;
    let j = i + 1;
    while (j < s.length && (CLASS[s.charCodeAt(j)]! & SUFFIX)) j++;
    if (j === i + 1) this.error(`invalid identifier after '${s[i]}'`, i);
    this.kind = kind;
    this.end = j;
  }

  private lexNumber(i: number): void {
    const s = this.src;
    let j = i;
    if (s.charCodeAt(i) === 48 && s.charCodeAt(i + 1) === 120 && isHex(s.charCodeAt(i + 2))) {
      j = i + 2;
      while (isHex(s.charCodeAt(j))) j++;
      this.kind = "integer";
      this.end = j;
      return;
    }
    while (isDigit(s.charCodeAt(j))) j++;
    if (s.charCodeAt(j) === 46 && !s.startsWith("...", j)) {
      j++;
      while (isDigit(s.charCodeAt(j))) j++;
      const e = s.charCodeAt(j);
      if (e === 101 || e === 69) {
        let k = j + 1;
        if (s.charCodeAt(k) === 43 || s.charCodeAt(k) === 45) k++;
        if (isDigit(s.charCodeAt(k))) {
          while (isDigit(s.charCodeAt(k))) k++;
          j = k;
        }
      }
      this.kind = "float";
      this.end = j;
      return;
    }
    this.kind = "integer";
    this.end = j;
  }

  private lexString(i: number): void {
    const s = this.src;
    let j = i + 1;
    while (j < s.length) {
      const c = s.charCodeAt(j);
      if (c === 34) { this.kind = "string"; this.end = j + 1; return; }
      if (c === 10) break;
      j += c === 92 ? 2 : 1;
    }
    this.error("expected '\"' in string literal", i);
  }

  /** The value of a string token (between quotes), with MLIR escapes decoded. */
  static unescape(raw: string): string {
    if (!raw.includes("\\")) return raw;
    const bytes: number[] = [];
    const enc = new TextEncoder();
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]!;
      if (c !== "\\") { for (const b of enc.encode(c)) bytes.push(b); continue; }
      const n = raw[i + 1]!;
      if (n === "n") { bytes.push(10); i++; }
      else if (n === "t") { bytes.push(9); i++; }
      else if (n === '"' || n === "\\") { bytes.push(n.charCodeAt(0)); i++; }
      else {
        bytes.push(parseInt(raw.substr(i + 1, 2), 16));
        i += 2;
      }
    }
    return new TextDecoder().decode(new Uint8Array(bytes));
  }

  stringValue(): string {
    const raw = this.src.slice(this.start + (this.kind === "at_id" ? 2 : 1), this.end - 1);
    return Lexer.unescape(raw);
  }
}
