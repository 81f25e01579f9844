// A user-written rewrite pattern and pass, registered and run from a textual pipeline.
//   npm run example:custom-pass
// The pass replaces `x * 2^k` by `x << k`; the pipeline then runs it nested on every function.
import {
  BuiltinDialect, Context, IntegerAttr, Pass, PassManager, PatternRewriter, RewritePattern, applyPatternsGreedily,
  parseModule, parsePassPipeline, passRegistry, printOp, Interpreter, type Operation,
} from "@zkmlir/core";
import { FuncDialect, funcImpls } from "@zkmlir/func";
import { ArithDialect, arithImpls } from "@zkmlir/arith";

/** x * 2^k  ->  x << k  (for k >= 1). */
class MulByPowerOfTwo extends RewritePattern {
  constructor() {
    super({ root: "arith.muli", benefit: 2 });
  }
  matchAndRewrite(op: Operation, rewriter: PatternRewriter): boolean {
    const c = op.operand(1).definingOp;
    const v = c?.name === "arith.constant" ? c.getAttr("value") : undefined;
    if (!(v instanceof IntegerAttr) || v.value <= 1n || (v.value & (v.value - 1n)) !== 0n) {
      return rewriter.notifyMatchFailure(op, "rhs is not a constant power of two");
    }
    rewriter.setInsertionPointBefore(op);
    const shift = rewriter.create({
      name: "arith.constant",
      resultTypes: [v.type],
      properties: { value: new IntegerAttr(BigInt(v.value.toString(2).length - 1), v.type) },
      loc: op.loc,
    });
    rewriter.replaceOpWithNew(op, { name: "arith.shli", operands: [op.operand(0), shift.result()], resultTypes: [op.result().type] });
    return true;
  }
}

class StrengthReducePass extends Pass {
  readonly argument = "strength-reduce";
  readonly description = "Replace multiplications by powers of two with shifts";
  override readonly anchor = "func.func";
  run(op: Operation): void {
    const r = applyPatternsGreedily(op, [new MulByPowerOfTwo()]);
    this.stat("num-rewrites", r.numRewrites);
  }
}

const input = `
func.func @scale(%x: i32) -> i32 {
  %c8 = arith.constant 8 : i32
  %c3 = arith.constant 3 : i32
  %0 = arith.muli %x, %c8 : i32
  %1 = arith.muli %0, %c3 : i32
  return %1 : i32
}`;

const ctx = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect] });
passRegistry.register(() => new StrengthReducePass());

const module = parseModule(input, { context: ctx, file: "example.mlir" });
const before = new Interpreter(module, arithImpls.merge(funcImpls)).run("scale", [5n]);

const pm = new PassManager(ctx);
pm.addPipeline(parsePassPipeline("builtin.module(func.func(strength-reduce))"));
pm.run(module);

console.log(printOp(module));
const after = new Interpreter(module, arithImpls.merge(funcImpls)).run("scale", [5n]);
console.log(`scale(5) before: ${before[0]}, after: ${after[0]}`);
if (before[0] !== after[0]) throw new Error("the rewrite changed the result");
if (!printOp(module).includes("arith.shli")) throw new Error("the pattern did not apply");
