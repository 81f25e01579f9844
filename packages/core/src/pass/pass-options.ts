// Typed pass options from text (`max-iterations=5`, `top-down=false`, `names=a,b`), checked
// against the pass's declared PassOptionSpecs.
import type { PassOptionSpec, PassOptionValues } from "./pass.js";

type OptionValue = NonNullable<PassOptionValues[string]>;

/** Converts one option's text to its declared type; returns an error message on bad input. */
export function convertOptionValue(spec: PassOptionSpec, text: string): OptionValue | string {
  const int = (s: string): number | undefined => (/^[-+]?\d+$/.test(s.trim()) ? Number.parseInt(s, 10) : undefined);
  switch (spec.type) {
    case "int": {
      const v = int(text);
      return v === undefined ? `expects an integer, got '${text}'` : v;
    }
    case "bool":
      if (text === "" || text === "true" || text === "1") return true;
      if (text === "false" || text === "0") return false;
      return `expects true or false, got '${text}'`;
    case "string":
      return unquote(text);
    case "string-list":
      return text === "" ? [] : splitList(text).map(unquote);
    case "int-list": {
      const parts = text === "" ? [] : splitList(text);
      const out: number[] = [];
      for (const p of parts) {
        const v = int(p);
        if (v === undefined) return `expects a list of integers, got '${p}' in '${text}'`;
        out.push(v);
      }
      return out;
    }
  }
}

function unquote(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

/** Splits `a,{b,c},"d,e"` at top-level commas. */
function splitList(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = "";
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "{" || ch === "(" || ch === "[")) depth++;
    else if (!quoted && (ch === "}" || ch === ")" || ch === "]")) depth--;
    if (ch === "," && depth === 0 && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** One `key=value` pair as written, with the column of the key for error reporting. */
export interface RawOption {
  key: string;
  value: string;
  pos: number;
}

/**
 * Splits an option string (`a=1 b={x y} c="q r" flag`) into raw pairs. Values may hold nested
 * braces and quoted strings; pairs are separated by whitespace. `base` offsets the positions.
 */
export function splitOptionString(text: string, base = 0): RawOption[] | { error: string; pos: number } {
  const out: RawOption[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    while (i < text.length && text[i] !== "=" && !/\s/.test(text[i]!)) i++;
    const key = text.slice(start, i);
    if (!key) return { error: "expected an option name", pos: base + start };
    if (text[i] !== "=") {
      out.push({ key, value: "", pos: base + start });
      continue;
    }
    i++;
    const vstart = i;
    let depth = 0;
    let quoted = false;
    for (; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === '"') quoted = !quoted;
      else if (quoted) continue;
      else if (ch === "{") depth++;
      else if (ch === "}") depth--;
      else if (/\s/.test(ch) && depth === 0) break;
    }
    if (quoted || depth !== 0) return { error: `unbalanced ${quoted ? "quote" : "braces"} in value of option '${key}'`, pos: base + vstart };
    out.push({ key, value: text.slice(vstart, i), pos: base + start });
  }
  return out;
}
