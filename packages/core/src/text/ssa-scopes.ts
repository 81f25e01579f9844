// SSA names in scope while parsing, with MLIR's rules: a region sees the values of its enclosing
// regions up to the nearest isolated op, a name is defined once (no shadowing), and a use may
// precede its definition (a forward reference, replaced when the definition is parsed).
import { Value } from "../ir/value.js";
import type { Type } from "../ir/type.js";

/**
 * A value name as a table key: the number of a canonical `%N` (what the printer writes; no string
 * is sliced or hashed per use), otherwise the spelled name with its `%`.
 */
export type SsaKey = number | string;

const MAX_DIGITS = 9; // stays a small integer

/** The key of the `%name` token spelled at src[start, end). */
export function ssaKeyAt(src: string, start: number, end: number): SsaKey {
  const len = end - start - 1;
  if (len >= 1 && len <= MAX_DIGITS && (len === 1 || src.charCodeAt(start + 1) !== 48)) {
    let n = 0;
    let i = start + 1;
    for (; i < end; i++) {
      const c = src.charCodeAt(i);
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
    }
    if (i === end) return n;
  }
  return src.slice(start, end);
}
export function ssaKeyOf(name: string): SsaKey { return ssaKeyAt(name, 0, name.length); }
export function ssaName(key: SsaKey): string { return typeof key === "number" ? `%${key}` : key; }

/**
 * A parsed operand reference (the parser's UnresolvedOperand): keeps the key, and spells the
 * name only if someone reads it (a custom format usually just hands it back to resolve).
 */
export class OperandRef {
  constructor(readonly key: SsaKey, readonly index: number, readonly pos: number) {}
  get name(): string { return ssaName(this.key); }
}

/** A value used before its definition; replaced when the definition is parsed. */
export class ForwardRef extends Value {
  constructor(type: Type, readonly name: string, readonly pos: number) { super(type); }
  get definingOp(): undefined { return undefined; }
  get parentBlock(): null { return null; }
}

/** The values visible in one isolated region (its nested regions add and take back theirs). */
class ValueTable {
  readonly numbered = new Map<number, readonly Value[]>();
  readonly named = new Map<string, readonly Value[]>();
  get(key: SsaKey): readonly Value[] | undefined {
    return typeof key === "number" ? this.numbered.get(key) : this.named.get(key);
  }
  set(key: SsaKey, values: readonly Value[]): void {
    if (typeof key === "number") this.numbered.set(key, values);
    else this.named.set(key, values);
  }
  delete(key: SsaKey): void {
    if (typeof key === "number") this.numbered.delete(key);
    else this.named.delete(key);
  }
}

interface Scope {
  /** Shared with the enclosing scopes up to the isolated one: a lookup is one Map get. */
  table: ValueTable;
  /** Keys this (non-isolated) scope added to the shared table, removed when it closes. */
  defined: SsaKey[] | undefined;
  /** Forward references by base name (`%x` for `%x#1` too), allocated on first use. */
  forward: Map<string, ForwardRef[]> | undefined;
}

export type Fail = (msg: string, pos: number) => never;

export class SsaScopes {
  private scopes: Scope[] = [];
  constructor(private readonly fail: Fail) {}

  push(isolated: boolean): void {
    const outer = this.scopes[this.scopes.length - 1];
    const own = isolated || !outer;
    this.scopes.push({ table: own ? new ValueTable() : outer.table, defined: own ? undefined : [], forward: undefined });
  }

  pop(): void {
    const s = this.scopes.pop()!;
    if (s.defined) for (const k of s.defined) s.table.delete(k);
    if (!s.forward) return;
    for (const [name, refs] of s.forward) {
      // Forward references may be resolved by an enclosing (non-isolated) scope.
      const outer = this.scopes[this.scopes.length - 1];
      if (s.defined && outer) {
        const fwd = (outer.forward ??= new Map<string, ForwardRef[]>());
        const prev = fwd.get(name);
        fwd.set(name, prev ? [...prev, ...refs] : refs);
        continue;
      }
      this.fail(`use of undeclared SSA value name '${name}'`, refs[0]!.pos);
    }
  }

  lookup(key: SsaKey): readonly Value[] | undefined {
    return this.scopes[this.scopes.length - 1]!.table.get(key);
  }

  define(key: SsaKey, values: readonly Value[], pos: number): void {
    const scope = this.scopes[this.scopes.length - 1]!;
    if (scope.table.get(key)) this.fail(`redefinition of SSA value '${ssaName(key)}'`, pos);
    scope.table.set(key, values);
    scope.defined?.push(key);
    // Resolve forward references to this name in this scope and nested non-isolated ones.
    if (!scope.forward?.size) return;
    const name = ssaName(key);
    const refs = scope.forward.get(name);
    if (!refs) return;
    scope.forward.delete(name);
    for (const r of refs) {
      const m = /#(\d+)$/.exec(r.name);
      const idx = m ? Number(m[1]) : 0;
      const v = values[idx];
      if (!v) this.fail(`use of invalid result number in '${r.name}'`, r.pos);
      if (v.type !== r.type) this.fail(`use of value '${r.name}' expects different type than prior uses: '${r.type.key}' vs '${v.type.key}'`, r.pos);
      r.replaceAllUsesWith(v);
    }
  }

  /** The placeholder for result `index` of a name not defined yet (one per name#index). */
  forwardRef(key: SsaKey, index: number, pos: number, t: Type): ForwardRef {
    const name = ssaName(key);
    const full = index ? `${name}#${index}` : name;
    const scope = this.scopes[this.scopes.length - 1]!;
    const fwd = (scope.forward ??= new Map<string, ForwardRef[]>());
    let refs = fwd.get(name);
    if (!refs) fwd.set(name, (refs = []));
    const existing = refs.find((r) => r.name === full);
    if (existing) {
      if (existing.type !== t) this.fail(`use of value '${full}' expects different type than prior uses: '${t.key}' vs '${existing.type.key}'`, pos);
      return existing;
    }
    const f = new ForwardRef(t, full, pos);
    refs.push(f);
    return f;
  }
}
