// Reference-domain semantics of func ops.
import { ImplTable, SymbolRefAttr, lookupSymbol } from "@zkmlir/core";

export const funcImpls = new ImplTable("reference", {
  "func.return": () => ({ control: (args) => ({ kind: "yield", values: args }) }),
  "func.call": (op, c) => {
    const callee = lookupSymbol(op, op.getAttr("callee") as SymbolRefAttr);
    if (!callee) throw new Error(`callee '${(op.getAttr("callee") as SymbolRefAttr).root}' not found`);
    return { run: (args) => c.interpreter.callFunction(callee, args) };
  },
});
