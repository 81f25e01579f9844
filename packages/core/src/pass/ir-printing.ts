// `--mlir-print-ir-*`: dumps the IR a pass ran on, with MLIR's headers, to a sink (stderr by
// default). "After change" compares the printed text before and after the pass.
import { freeze } from "immer";
import type { Operation } from "../ir/operation.js";
import { printOp, type PrintOptions } from "../text/printer.js";
import type { Pass } from "./pass.js";
import { passDisplayName, type PassInstrumentation } from "./instrumentation.js";

export interface IRPrintingConfig {
  beforeAll?: boolean;
  afterAll?: boolean;
  /** Pass arguments to print before/after (`--mlir-print-ir-before=cse`). */
  before?: readonly string[];
  after?: readonly string[];
  /** Only print "after" dumps when the pass changed the IR; alone it means "after every change". */
  afterChange?: boolean;
  afterFailure?: boolean;
  printOptions?: PrintOptions;
}

export type TextSink = (text: string) => void;

export const stderrSink: TextSink = (t) => void process.stderr.write(t);

export class IRPrintingInstrumentation implements PassInstrumentation {
  /** Frozen so a tool cannot change what is printed halfway through a run. */
  readonly config: Readonly<IRPrintingConfig>;
  /** Printed IR before each running pass (a stack: nested managers run passes inside passes). */
  private readonly beforeText: string[] = [];

  constructor(config: IRPrintingConfig, private readonly sink: TextSink = stderrSink) {
    this.config = freeze({ ...config }, true);
  }

  private wantsBefore(pass: Pass): boolean {
    return !!this.config.beforeAll || !!this.config.before?.includes(pass.argument);
  }
  private wantsAfter(pass: Pass): boolean {
    const c = this.config;
    const filtered = !!c.afterAll || !!c.after?.includes(pass.argument);
    return filtered || (!!c.afterChange && !c.after?.length);
  }

  private print(op: Operation): string {
    return printOp(op, this.config.printOptions ?? {});
  }

  private dump(header: string, text: string): void {
    this.sink(`// -----// ${header} //----- //\n${text.trimEnd()}\n\n`);
  }

  runBeforePass(pass: Pass, op: Operation): void {
    const needText = this.wantsBefore(pass) || (this.config.afterChange && this.wantsAfter(pass));
    const text = needText ? this.print(op) : "";
    this.beforeText.push(text);
    if (this.wantsBefore(pass)) this.dump(`IR Dump Before ${passDisplayName(pass)} (${pass.argument})`, text);
  }

  runAfterPass(pass: Pass, op: Operation): void {
    const before = this.beforeText.pop();
    if (!this.wantsAfter(pass)) return;
    const text = this.print(op);
    if (this.config.afterChange && text === before) return;
    this.dump(`IR Dump After ${passDisplayName(pass)} (${pass.argument})`, text);
  }

  runAfterPassFailed(pass: Pass, op: Operation): void {
    this.beforeText.pop();
    if (!this.config.afterFailure && !this.wantsAfter(pass)) return;
    this.dump(`IR Dump After ${passDisplayName(pass)} Failed (${pass.argument})`, this.print(op));
  }
}
