// Small passes for the pass-manager tests: they act on unregistered `test.*` ops.
import { Pass, PassFailure, PassRegistry, Operation, type PassOptionSpec, type AnalysisManager } from "../src/index.js";

/** Records every op it runs on (by name and sym_name) into a shared log. */
export class RecordPass extends Pass {
  readonly argument = "record";
  readonly description = "logs the ops it runs on";
  override readonly optionSpecs: Record<string, PassOptionSpec> = {
    tag: { type: "string", description: "prefix for log lines", default: "r" },
    times: { type: "int", description: "repeat count", default: 1 },
    flag: { type: "bool", description: "a flag", default: false },
    names: { type: "string-list", description: "some names" },
    sizes: { type: "int-list", description: "some sizes" },
  };
  static log: string[] = [];
  run(op: Operation): void {
    const sym = op.getAttr("sym_name");
    RecordPass.log.push(`${this.opt<string>("tag")}:${op.name}${sym ? ":" + String((sym as unknown as { value: string }).value) : ""}`);
    this.stat("ops-seen");
  }
}

/** Erases every `test.dead` op directly or deeply nested; counts erasures. */
export class EraseDeadPass extends Pass {
  readonly argument = "erase-dead";
  readonly description = "erases test.dead ops";
  override readonly displayName = "EraseDead";
  run(op: Operation): void {
    const dead: Operation[] = [];
    op.walk((o) => void (o.name === "test.dead" && dead.push(o)));
    for (const d of dead) d.erase();
    this.stat("num-erased", dead.length);
  }
}

/** Fails with a located diagnostic on the first `test.bad` op. */
export class FailOnBadPass extends Pass {
  readonly argument = "fail-on-bad";
  readonly description = "fails on test.bad";
  run(op: Operation, _am: AnalysisManager): void {
    op.walk((o) => {
      if (o.name === "test.bad") throw new PassFailure("found a bad op", o.loc);
    });
  }
}

/** Inserts a `test.invalid` op, which the test verifier rejects. */
export class BreakIrPass extends Pass {
  readonly argument = "break-ir";
  readonly description = "creates IR the test verifier rejects";
  run(op: Operation): void {
    op.region(0).entry!.append(Operation.create({ name: "test.invalid" }));
  }
}

/** Throws a plain Error, as a buggy pass would. */
export class CrashPass extends Pass {
  readonly argument = "crash";
  readonly description = "throws a non-diagnostic error";
  run(): void {
    throw new TypeError("oops");
  }
}

/** A pass that only runs on test.func ops. */
export class FuncOnlyPass extends Pass {
  readonly argument = "func-only";
  readonly description = "anchored on test.func";
  override readonly anchor = "test.func";
  run(): void {}
}

export function testRegistry(): PassRegistry {
  const r = new PassRegistry();
  for (const f of [() => new RecordPass(), () => new EraseDeadPass(), () => new FailOnBadPass(), () => new BreakIrPass(), () => new CrashPass(), () => new FuncOnlyPass()]) r.register(f);
  r.registerPipeline("record-twice", "two record passes", (pm) => {
    pm.addPass(r.create("record", { tag: "a" }));
    pm.addPass(r.create("record", { tag: "b" }));
  });
  return r;
}
