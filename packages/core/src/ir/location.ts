// Source locations, as MLIR's LocationAttr family. They survive rewrites: a replacement op
// inherits the replaced op's location (see PatternRewriter).

export abstract class Location {
  /** Text inside `loc(...)`. */
  abstract body(): string;
  /** Prefix for diagnostics (`file:line:col`), or undefined when there is nothing useful. */
  abstract diagnosticPrefix(): string | undefined;
  toString(): string {
    return `loc(${this.body()})`;
  }
  equals(other: Location): boolean {
    return this === other || this.body() === other.body();
  }
}

export class UnknownLoc extends Location {
  static readonly instance = new UnknownLoc();
  body(): string { return "unknown"; }
  diagnosticPrefix(): string | undefined { return undefined; }
}

/** Makes the location of a source offset on demand (the parser's lexer, for parsed ops). */
export interface LocationSource {
  locationAt(pos: number): Location;
}

/** Maps a source offset to 1-based line and column. */
export interface LineColSource {
  lineCol(pos: number): [number, number];
}

export class FileLineColLoc extends Location {
  private _line: number;
  /** The column, or the source offset while `source` is set (one field less per parsed op). */
  private _col: number;
  private source: LineColSource | undefined = undefined;
  constructor(readonly file: string, line: number, col: number) {
    super();
    this._line = line;
    this._col = col;
  }
  /** A location whose line/column are computed on first use (the parser makes one per op). */
  static lazy(file: string, source: LineColSource, pos: number): FileLineColLoc {
    const l = new FileLineColLoc(file, 0, pos);
    l.source = source;
    return l;
  }
  private force(): void {
    if (this.source) {
      [this._line, this._col] = this.source.lineCol(this._col);
      this.source = undefined;
    }
  }
  get line(): number { this.force(); return this._line; }
  get col(): number { this.force(); return this._col; }
  body(): string { return `${JSON.stringify(this.file)}:${this.line}:${this.col}`; }
  diagnosticPrefix(): string { return `${this.file}:${this.line}:${this.col}`; }
}

/** `loc("conv1")`: a named location; ONNX node names become these. */
export class NameLoc extends Location {
  constructor(readonly name: string, readonly child?: Location) { super(); }
  body(): string {
    return this.child && !(this.child instanceof UnknownLoc)
      ? `${JSON.stringify(this.name)}(${this.child.body()})`
      : JSON.stringify(this.name);
  }
  diagnosticPrefix(): string {
    const inner = this.child?.diagnosticPrefix();
    return inner ? `${inner} (${this.name})` : `loc(${JSON.stringify(this.name)})`;
  }
}

export class CallSiteLoc extends Location {
  constructor(readonly callee: Location, readonly caller: Location) { super(); }
  body(): string { return `callsite(${this.callee.body()} at ${this.caller.body()})`; }
  diagnosticPrefix(): string | undefined { return this.callee.diagnosticPrefix(); }
}

export class FusedLoc extends Location {
  constructor(readonly locations: readonly Location[], readonly metadata?: string) { super(); }
  body(): string {
    const meta = this.metadata !== undefined ? `<${this.metadata}>` : "";
    return `fused${meta}[${this.locations.map((l) => l.body()).join(", ")}]`;
  }
  diagnosticPrefix(): string | undefined {
    for (const l of this.locations) {
      const p = l.diagnosticPrefix();
      if (p) return p;
    }
    return undefined;
  }
}
