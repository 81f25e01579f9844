// `onnx-simplify`: shape inference and onnx canonicalization alternate until neither changes
// anything (as onnx-mlir's driver does): folding makes shapes constant, new shapes enable folds.
import { Pass, PassFailure, type Context, type Operation } from "@zkmlir/core";
import { canonicalizeOnnx } from "./canonicalize/patterns.js";
import { CANONICALIZE_OPTIONS, recordCanonicalizeStats } from "./canonicalize-pass.js";
import { inferShapes } from "./shape/infer.js";

export interface SimplifyResult {
  readonly rounds: number;
  readonly converged: boolean;
  /** onnx results still not statically shaped at the end. */
  readonly dynamicValues: number;
}

export class OnnxSimplifyPass extends Pass {
  readonly argument = "onnx-simplify";
  readonly description = "Alternate onnx-shape-inference and onnx-canonicalize until stable";
  override readonly optionSpecs = {
    ...CANONICALIZE_OPTIONS,
    "max-rounds": { type: "int" as const, default: 20, description: "Max. shape-inference + canonicalize rounds" },
    "test-convergence": { type: "bool" as const, default: false, description: "Fail if the rounds do not converge" },
  };

  constructor(private readonly dialectContext?: Context) {
    super();
  }

  run(op: Operation): void {
    const r = this.simplify(op);
    this.stat("num-rounds", r.rounds);
    this.stat("num-dynamic-values", r.dynamicValues);
    if (!r.converged) {
      this.stat("num-not-converged");
      if (this.opt<boolean>("test-convergence")) throw new PassFailure(`onnx-simplify did not converge in ${r.rounds} rounds`, op.loc);
    }
  }

  simplify(op: Operation): SimplifyResult {
    const maxRounds = this.opt<number>("max-rounds");
    let dynamicValues = 0;
    for (let round = 1; round <= maxRounds; round++) {
      const shapes = inferShapes(op);
      this.stat("num-refined-values", shapes.refined);
      dynamicValues = shapes.dynamic.length;
      const c = canonicalizeOnnx(op, {
        context: this.dialectContext,
        maxIterations: this.opt<number>("max-iterations"),
        maxFoldElements: this.opt<number>("max-fold-elements"),
      });
      recordCanonicalizeStats(this, c);
      if (!c.greedy.changed && (round > 1 || shapes.refined === 0)) {
        return { rounds: round, converged: true, dynamicValues: inferShapes(op).dynamic.length };
      }
    }
    return { rounds: maxRounds, converged: false, dynamicValues };
  }
}
