import { parsePassPipeline, PipelineParseError, PassRegistryError, OpPassManager, ANY_OP, Pass } from "../src/index.js";
import { testRegistry, RecordPass } from "./pass-test-passes.js";

const registry = testRegistry();
const parse = (t: string) => parsePassPipeline(t, { registry });

function parseError(t: string): PipelineParseError {
  try {
    parse(t);
  } catch (e) {
    if (e instanceof PipelineParseError) return e;
    throw e;
  }
  throw new Error(`pipeline '${t}' parsed but should not`);
}

test("anchored form with nesting round-trips to text", () => {
  const pm = parse("builtin.module(test.func(record{tag=x times=3}, erase-dead), record)");
  expect(pm.anchor).toBe("builtin.module");
  expect(pm.items).toHaveLength(2);
  const nested = pm.items[0] as OpPassManager;
  expect(nested).toBeInstanceOf(OpPassManager);
  expect(nested.anchor).toBe("test.func");
  const rec = nested.items[0] as RecordPass;
  expect(rec.opt("tag")).toBe("x");
  expect(rec.opt("times")).toBe(3);
  expect(rec.opt("flag")).toBe(false);
  expect(pm.toPipelineString()).toBe("builtin.module(test.func(record{tag=x times=3 flag=false},erase-dead),record{tag=r times=1 flag=false})");
  // The printed form parses back to the same text.
  expect(parse(pm.toPipelineString()).toPipelineString()).toBe(pm.toPipelineString());
});

test("short form goes on the default anchor; named pipelines expand", () => {
  const pm = parsePassPipeline("record, record-twice", { registry, defaultAnchor: "builtin.module" });
  expect(pm.anchor).toBe("builtin.module");
  expect([...pm.allPasses()].map((p) => p.opt("tag"))).toEqual(["r", "a", "b"]);
  expect(parse("").items).toHaveLength(0);
  expect(parse("record").anchor).toBe(ANY_OP);
  // A nested element followed by more elements is the short form too.
  const mixed = parse("test.func(record),erase-dead");
  expect(mixed.anchor).toBe(ANY_OP);
  expect(mixed.items).toHaveLength(2);
});

test("list, bool and quoted option values", () => {
  const pm = parse(`record{names=a,b,"c d" sizes=1,2,3 flag tag="x y"}`);
  const p = pm.items[0] as Pass;
  expect(p.options["names"]).toEqual(["a", "b", "c d"]);
  expect(p.options["sizes"]).toEqual([1, 2, 3]);
  expect(p.options["flag"]).toBe(true);
  expect(p.options["tag"]).toBe("x y");
});

test("errors name the problem and the column", () => {
  const unknown = parseError("builtin.module(record,nope)");
  expect(unknown.message).toBe("'nope' does not refer to a registered pass or pass pipeline");
  expect(unknown.format()).toContain("<pass-pipeline>:1:23: error:");
  expect(unknown.format()).toContain("\n  builtin.module(record,nope)\n                        ^");

  const opt = parseError("record{tag=a bogus=1}");
  expect(opt.message).toMatch(/pass 'record' has no option 'bogus' \(options: tag, times, flag, names, sizes\)/);
  expect(opt.pos).toBe(13);

  expect(parseError("record{times=abc}").message).toBe("option 'times' of pass 'record' expects an integer, got 'abc'");
  expect(parseError("record{flag=maybe}").message).toMatch(/expects true or false/);
  expect(parseError("record{sizes=1,x}").message).toMatch(/expects a list of integers, got 'x'/);
  expect(parseError("builtin.module(record").message).toMatch(/expected '\)' to close the '\(' at column 15/);
  expect(parseError("record{times=1").message).toMatch(/expected '}'/);
  expect(parseError("record,,cse").message).toMatch(/expected a pass or op name, found ','/);
  expect(parseError("record(erase-dead)").message).toMatch(/'record' is a pass, not an operation name/);
  expect(parseError("builtin.module(record) x").message).toMatch(/unexpected 'x' after pipeline/);
  expect(parseError("record-twice{a=1}").message).toBe("pipeline 'record-twice' takes no options");
});

test("registry rejects duplicates and bad options given programmatically", () => {
  expect(() => registry.register(() => new RecordPass())).toThrow(PassRegistryError);
  expect(() => registry.create("record", { nope: "1" })).toThrow(/has no option 'nope'/);
  expect(() => registry.create("record", { times: "x" })).toThrow(/expects an integer/);
  expect(() => registry.create("missing")).toThrow(/'missing' does not refer to a registered pass/);
  expect(registry.create("record", { times: "7" }).opt("times")).toBe(7);
  expect(registry.passInfos.map((i) => i.argument)).toContain("erase-dead");
});
