// Which operands a branch terminator forwards to each successor's block arguments (MLIR's
// BranchOpInterface::getSuccessorOperands). Core knows no branch op, so the default reads the
// layout every cf-style branch uses: forwarded operands come last, successor by successor
// (`cf.br ^a(%x)`, `cf.cond_br %c, ^a(%x), ^b(%y)`, `cf.switch %f, ^d(..), [0: ^c(..)]`).
// An op with another layout registers its own mapping (OpTransfer.successorOperands).
import type { Operation } from "../ir/operation.js";
import type { Value } from "../ir/value.js";

/** Operands `op` forwards to successor `index`, or undefined when the layout does not fit. */
export function trailingSuccessorOperands(op: Operation, index: number): readonly Value[] | undefined {
  let total = 0, before = 0;
  op.successors.forEach((b, i) => {
    total += b.args.length;
    if (i < index) before += b.args.length;
  });
  const leading = op.operands.length - total;
  if (leading < 0) return undefined;
  const start = leading + before;
  return op.operandValues.slice(start, start + op.successors[index]!.args.length);
}
