// Passes for the CLI tests, registered into a private registry (not the global one).
import { Pass, PassFailure, PassRegistry, type Operation } from "@zkmlir/core";

class TestEraseDeadPass extends Pass {
  readonly argument = "test-erase-dead";
  readonly description = "erases test.dead ops";
  override readonly displayName = "TestEraseDead";
  run(op: Operation): void {
    const dead: Operation[] = [];
    op.walk((o) => void (o.name === "test.dead" && dead.push(o)));
    for (const d of dead) d.erase();
    this.stat("num-erased", dead.length);
  }
}

class TestFailOnBadPass extends Pass {
  readonly argument = "test-fail-on-bad";
  readonly description = "fails on the first test.bad op";
  run(op: Operation): void {
    op.walk((o) => {
      if (o.name === "test.bad") throw new PassFailure("found a bad op", o.loc);
    });
  }
}

export function cliTestRegistry(): PassRegistry {
  const r = new PassRegistry();
  r.register(() => new TestEraseDeadPass());
  r.register(() => new TestFailOnBadPass());
  return r;
}
