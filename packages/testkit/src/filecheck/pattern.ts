// Compiles a FileCheck pattern to a RegExp: literal text (with horizontal whitespace runs matching
// any run of blanks), `{{regex}}`, `[[VAR:regex]]` definitions and `[[VAR]]` uses.
import { FileCheckError } from "./directives.js";

export interface CompiledPattern {
  regex: RegExp;
  /** Capture group index of each variable defined by the pattern. */
  defs: Map<string, number>;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const literal = (s: string): string => escape(s).replace(/[ \t]+/g, "[ \\t]+");

/** Counts capturing groups a user regex adds, so our own group indices stay right. */
function groupCount(re: string): number {
  return new RegExp(`${re}|`).exec("")!.length - 1;
}

export function compilePattern(pattern: string, vars: ReadonlyMap<string, string>, where: string): CompiledPattern {
  let src = "";
  let groups = 0;
  const defs = new Map<string, number>();
  let i = 0;
  while (i < pattern.length) {
    if (pattern.startsWith("{{", i)) {
      const end = pattern.indexOf("}}", i + 2);
      if (end < 0) throw new FileCheckError(`${where}: error: found start of regex string with no end '}}'`);
      const re = pattern.slice(i + 2, end);
      try {
        groups += groupCount(re);
      } catch (e) {
        throw new FileCheckError(`${where}: error: invalid regex {{${re}}}: ${(e as Error).message}`);
      }
      src += `(?:${re})`;
      i = end + 2;
      continue;
    }
    if (pattern.startsWith("[[", i)) {
      const end = pattern.indexOf("]]", i + 2);
      if (end < 0) throw new FileCheckError(`${where}: error: invalid variable reference: no closing ']]'`);
      const body = pattern.slice(i + 2, end);
      const colon = body.indexOf(":");
      const name = colon < 0 ? body : body.slice(0, colon);
      if (!/^\$?[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new FileCheckError(`${where}: error: invalid variable name '${name}'`);
      if (colon < 0) {
        const v = vars.get(name);
        if (v === undefined) throw new FileCheckError(`${where}: error: undefined variable: ${name}`);
        src += escape(v);
      } else {
        const re = body.slice(colon + 1);
        groups++;
        defs.set(name, groups);
        try {
          groups += groupCount(re);
        } catch (e) {
          throw new FileCheckError(`${where}: error: invalid regex in [[${body}]]: ${(e as Error).message}`);
        }
        src += `(${re})`;
      }
      i = end + 2;
      continue;
    }
    const next = [pattern.indexOf("{{", i), pattern.indexOf("[[", i)].filter((x) => x >= 0);
    const stop = next.length ? Math.min(...next) : pattern.length;
    src += literal(pattern.slice(i, stop));
    i = stop;
  }
  // `m`: anchors match at line boundaries; without `s`, `.` never crosses a line.
  return { regex: new RegExp(src, "gm"), defs };
}
