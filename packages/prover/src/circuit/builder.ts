// In-memory circuit builder for the compiler side: declare columns, gates (expression trees),
// tables and lookups, copy constraints, public cells and provenance labels; `build` validates.
import { CircuitError } from "../errors.js";
import { reduce } from "../field/index.js";
import type { Cell, Circuit, FixedColumn, Gate, Lookup, PublicCell, RowLabel, Table } from "./circuit.js";
import type { Expr } from "./expr.js";
import { validateCircuit } from "./validate.js";

export class CircuitBuilder {
  private readonly adviceCols: { name: string }[] = [];
  private readonly fixedCols: FixedColumn[] = [];
  private readonly fixedVals: Map<number, bigint>[] = [];
  private readonly gates: Gate[] = [];
  private readonly tables: Table[] = [];
  private readonly lookups: Lookup[] = [];
  private readonly copies: [Cell, Cell][] = [];
  private readonly publics: PublicCell[] = [];
  private readonly labels: RowLabel[] = [];
  private maxRow = -1;

  /** `minRows`: the circuit has at least this many rows even if fewer are touched. */
  constructor(private readonly minRows = 1) {}

  private touch(row: number, where: string): void {
    if (!Number.isInteger(row) || row < 0) throw new CircuitError(`${where}: invalid row ${row}`);
    this.maxRow = Math.max(this.maxRow, row);
  }

  addAdvice(name: string): number {
    this.adviceCols.push({ name });
    return this.adviceCols.length - 1;
  }

  addFixed(name: string): number {
    this.fixedCols.push({ name, kind: "fixed" });
    this.fixedVals.push(new Map());
    return this.fixedCols.length - 1;
  }

  addSelector(name: string): number {
    this.fixedCols.push({ name, kind: "selector" });
    this.fixedVals.push(new Map());
    return this.fixedCols.length - 1;
  }

  setFixed(column: number, row: number, value: bigint): void {
    const m = this.fixedVals[column];
    if (m === undefined) throw new CircuitError(`setFixed: fixed column ${column} out of range`);
    this.touch(row, `setFixed '${this.fixedCols[column]!.name}'`);
    m.set(row, reduce(value));
  }

  /** Turn a selector on at a row. */
  enable(selector: number, row: number): void {
    if (this.fixedCols[selector]?.kind !== "selector") throw new CircuitError(`enable: column ${selector} is not a selector`);
    this.setFixed(selector, row, 1n);
  }

  addGate(name: string, selector: number, polys: readonly Expr[]): number {
    this.gates.push({ name, selector, polys });
    return this.gates.length - 1;
  }

  /** A table from its columns of values (all the same length); creates its fixed columns. */
  addTable(name: string, columns: readonly (readonly bigint[])[]): number {
    const size = columns[0]?.length ?? 0;
    if (columns.some((c) => c.length !== size)) throw new CircuitError(`table '${name}': columns differ in length`);
    const ids = columns.map((vals, j) => {
      const id = this.addFixed(`${name}.${j}`);
      vals.forEach((v, r) => this.setFixed(id, r, v));
      return id;
    });
    this.tables.push({ name, columns: ids, size });
    return this.tables.length - 1;
  }

  addLookup(name: string, selector: number, inputs: readonly Expr[], table: number): number {
    this.lookups.push({ name, selector, inputs, table });
    return this.lookups.length - 1;
  }

  copy(a: Cell, b: Cell): void {
    this.touch(a.row, "copy");
    this.touch(b.row, "copy");
    this.copies.push([a, b]);
  }

  addPublic(label: string, cell: Cell, scale = 0): void {
    this.touch(cell.row, `public '${label}'`);
    this.publics.push({ label, scale, column: cell.column, row: cell.row });
  }

  labelRows(start: number, end: number, label: string): void {
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end)) throw new CircuitError(`labelRows: bad range [${start}, ${end})`);
    this.labels.push({ start, end, label });
  }

  build(): Circuit {
    const rows = Math.max(this.minRows, this.maxRow + 1);
    const fixedValues = this.fixedVals.map((m) => {
      const v = new BigUint64Array(rows);
      for (const [r, x] of m) v[r] = x;
      return v;
    });
    const c: Circuit = {
      rows,
      advice: [...this.adviceCols],
      fixed: [...this.fixedCols],
      fixedValues,
      gates: [...this.gates],
      tables: [...this.tables],
      lookups: [...this.lookups],
      copies: [...this.copies],
      publics: [...this.publics],
      rowLabels: [...this.labels],
    };
    validateCircuit(c);
    return c;
  }
}
