// Declarative assembly formats (a subset of ODS's `assemblyFormat`): an op declares e.g.
//   "$lhs `,` $rhs attr-dict `:` type($result)"
// and gets a printer and a parser. Directives: `$operandOrAttr`, `type($x)`, `type(operands)`,
// `type(results)`, `functional-type(operands, results)`, `attr-dict`, `attr-dict-with-keyword`,
// `$region`, and backquoted literals. Operand types not named by the format are inferred from the
// SameOperandsAndResultType / SameTypeOperands traits. Printing and parsing resolve the
// directives against the declaration once (asm-format-print.ts, asm-format-parse.ts).
import type { CustomFormat, OpDef } from "../ir/opdef.js";
import type { Operation } from "../ir/operation.js";
import type { OpParser } from "./parser.js";
import type { OpPrinter } from "./printer.js";
import { compilePrint, printWithFormat, type PrintStep } from "./asm-format-print.js";
import { compileParse, parseWithFormat, type ParsePlan } from "./asm-format-parse.js";

/** One piece of a format string. */
export type Directive =
  | { k: "lit"; text: string }
  | { k: "var"; name: string }
  | { k: "type"; of: string }
  | { k: "ftype" }
  | { k: "attrdict"; keyword: boolean };

function tokenize(fmt: string): Directive[] {
  const out: Directive[] = [];
  const re = /\s*(`[^`]*`|\$[A-Za-z_][A-Za-z0-9_]*|type\(\s*\$?[A-Za-z_][A-Za-z0-9_]*\s*\)|functional-type\(\s*operands\s*,\s*results\s*\)|attr-dict-with-keyword|attr-dict)/y;
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < fmt.trim().length + (fmt.length - fmt.trimStart().length) && (m = re.exec(fmt))) {
    pos = re.lastIndex;
    const t = m[1]!;
    if (t.startsWith("`")) out.push({ k: "lit", text: t.slice(1, -1) });
    else if (t.startsWith("$")) out.push({ k: "var", name: t.slice(1) });
    else if (t.startsWith("type(")) out.push({ k: "type", of: t.slice(5, -1).trim().replace(/^\$/, "") });
    else if (t.startsWith("functional-type")) out.push({ k: "ftype" });
    else out.push({ k: "attrdict", keyword: t === "attr-dict-with-keyword" });
  }
  if (fmt.slice(pos).trim()) throw new Error(`bad assembly format near '${fmt.slice(pos).trim()}'`);
  return out;
}

/** Builds print/parse hooks for an op from its assembly format string. */
export function assemblyFormat(fmt: string, defRef: () => OpDef): CustomFormat {
  const ds = tokenize(fmt);
  let steps: PrintStep[] | undefined;
  let parsePlan: ParsePlan | undefined;
  return {
    print(op: Operation, p: OpPrinter) {
      const def = defRef();
      printWithFormat(op, p, def, (steps ??= compilePrint(ds, def)));
    },
    parse(p: OpParser, name: string): Operation {
      const def = defRef();
      return parseWithFormat(p, name, def, (parsePlan ??= compileParse(ds, def)));
    },
  };
}
