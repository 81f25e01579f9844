// The lexer's table-driven scanning: every token kind, identifier character sets, and errors.
import { Lexer, ParseError } from "../src/index.js";

function tokens(src: string): [string, string][] {
  const l = new Lexer(src);
  const out: [string, string][] = [];
  while (l.kind !== "eof") {
    out.push([l.kind, l.text]);
    l.next();
  }
  return out;
}

test("punctuation, multi-character tokens and comments", () => {
  expect(tokens("( ) [ ] { } < > , : = ? * + | - -> :: ... {-# #-} // comment\n)")).toEqual([
    ["(", "("], [")", ")"], ["[", "["], ["]", "]"], ["{", "{"], ["}", "}"], ["<", "<"], [">", ">"], [",", ","],
    [":", ":"], ["=", "="], ["?", "?"], ["*", "*"], ["+", "+"], ["|", "|"], ["-", "-"], ["->", "->"], ["::", "::"],
    ["...", "..."], ["{-#", "{-#"], ["#-}", "#-}"], [")", ")"],
  ]);
  expect(tokens("a:b:-c")).toEqual([["bare_id", "a"], [":", ":"], ["bare_id", "b"], [":", ":"], ["-", "-"], ["bare_id", "c"]]);
});

test("identifiers: bare ids take letters, digits, $ and .; prefixed ids also take -", () => {
  expect(tokens("_a.b$9-x %x-1.y ^bb0 #map-2 !t.y @f.g @\"q r\" %12#3")).toEqual([
    ["bare_id", "_a.b$9"], ["-", "-"], ["bare_id", "x"], ["percent_id", "%x-1.y"], ["caret_id", "^bb0"], ["hash_id", "#map-2"],
    ["excl_id", "!t.y"], ["at_id", "@f.g"], ["at_id", "@\"q r\""], ["percent_id", "%12"], ["hash_id", "#3"],
  ]);
  expect(tokens("i32x4xf32")).toEqual([["bare_id", "i32x4xf32"]]);
});

test("numbers and strings", () => {
  expect(tokens("42 0x1F 1.5 2.5e-3 3. 1...2 \"a\\\"b\"")).toEqual([
    ["integer", "42"], ["integer", "0x1F"], ["float", "1.5"], ["float", "2.5e-3"], ["float", "3."],
    ["integer", "1"], ["...", "..."], ["integer", "2"], ["string", "\"a\\\"b\""],
  ]);
});

test("bad characters are located errors", () => {
  let err: unknown;
  try { tokens("a\n  é"); } catch (e) { err = e; }
  expect(err).toBeInstanceOf(ParseError);
  expect((err as ParseError).format()).toBe("-:2:3: error: unexpected character 'é'");
  expect(() => tokens("a ;")).toThrow(/unexpected character ';'/);
  expect(() => tokens("% x")).toThrow(/invalid identifier after '%'/);
  expect(() => tokens("\"open")).toThrow(/expected '"' in string literal/);
  // A non-ASCII character ends an identifier.
  expect(() => tokens("abé")).toThrow(/unexpected character 'é'/);
});
