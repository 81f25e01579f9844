// i1 semantics checked against the real MLIR: every arith op on constant i1 inputs (binary ops,
// cmpi predicates, casts out of i1), one function per case, goes through
// `mlir-opt-19 --canonicalize` (which folds constants) and through zkmlir's folders and reference
// interpreter. Where our interpreter defines a value, MLIR must fold to the same constant and so
// must our folder; where it reports undefined behaviour, our folder must not fold (MLIR may do
// anything: UB allows any value).
import { execFileSync, spawnSync } from "node:child_process";
import {
  parseModule, applyPatternsGreedily, Interpreter, Context, BuiltinDialect, IntegerAttr, FloatAttr, StringAttr, moduleBody, type Operation,
} from "@zkmlir/core";
import { FuncDialect, funcImpls } from "@zkmlir/func";
import { ArithDialect, arithImpls, INT_SEMANTICS, CMPI_PREDICATES } from "../src/index.js";

const MLIR_OPT = "mlir-opt-19";
const have = spawnSync(MLIR_OPT, ["--version"]).status === 0;
if (!have && process.env.CI === "true") throw new Error(`${MLIR_OPT} is required in CI (apt-get install mlir-19-tools)`);
const maybe = have ? test : test.skip;

const ctx = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect], allowUnregistered: true });
const impls = arithImpls.merge(funcImpls);

interface Case { name: string; body: string; type: string }
const BITS = ["false", "true"] as const;

/** Every op on every combination of constant i1 operands. */
function cases(): Case[] {
  const out: Case[] = [];
  for (const a of BITS) {
    for (const b of BITS) {
      for (const op of Object.keys(INT_SEMANTICS)) out.push({ name: `${op}_${a}_${b}`, body: `arith.${op} %a, %b : i1`, type: "i1" });
      for (const p of CMPI_PREDICATES) out.push({ name: `cmpi_${p}_${a}_${b}`, body: `arith.cmpi ${p}, %a, %b : i1`, type: "i1" });
    }
    const casts: [string, string][] = [
      ["extsi", "i8"], ["extsi", "i32"], ["extsi", "i64"], ["extui", "i32"], ["sitofp", "f32"], ["sitofp", "f64"],
      ["uitofp", "f32"], ["index_cast", "index"], ["index_castui", "index"],
    ];
    for (const [op, to] of casts) out.push({ name: `${op}_${to}_${a}`, body: `arith.${op} %a : i1 to ${to}`, type: to });
  }
  return out;
}

function moduleText(cs: readonly Case[]): string {
  return cs.map((c) => {
    const [, a, b] = /_(false|true)(?:_(false|true))?$/.exec(c.name)!;
    return `func.func @${c.name}() -> ${c.type} {
  %a = arith.constant ${a}
  %b = arith.constant ${b ?? "false"}
  %r = ${c.body}
  return %r : ${c.type}
}`;
  }).join("\n");
}

/** The constant each function returns after folding (undefined: not folded to a constant). */
function returnedConstants(m: Operation): Map<string, bigint | number | undefined> {
  const out = new Map<string, bigint | number | undefined>();
  for (const f of moduleBody(m).opsArray()) {
    const name = (f.getAttr("sym_name") as StringAttr).value;
    const ret = f.region(0).entry!.last!;
    const def = ret.operand(0).definingOp;
    const v = def?.name === "arith.constant" ? def.getAttr("value") : undefined;
    out.set(name, v instanceof IntegerAttr || v instanceof FloatAttr ? v.value : undefined);
  }
  return out;
}

maybe("i1 ops on constants fold as mlir-opt-19 --canonicalize folds them (true is -1 when signed)", () => {
  const cs = cases();
  const src = moduleText(cs);
  const theirs = returnedConstants(parseModule(execFileSync(MLIR_OPT, ["--canonicalize", "-"], { input: src, encoding: "utf8" }), { context: ctx }));
  const ours = parseModule(src, { context: ctx });
  applyPatternsGreedily(ours, [], { context: ctx });
  const folded = returnedConstants(ours);
  const interp = new Interpreter(parseModule(src, { context: ctx }), impls);

  const mismatches: string[] = [];
  let defined = 0, undefinedBehaviour = 0;
  for (const c of cs) {
    let expected: bigint | number | undefined;
    try {
      expected = interp.run(c.name, [])[0] as bigint | number;
    } catch (e) {
      if (!/undefined behaviour/.test(String(e))) throw e;
    }
    const t = theirs.get(c.name), o = folded.get(c.name);
    if (expected === undefined) {
      undefinedBehaviour++;
      if (o !== undefined) mismatches.push(`${c.name}: undefined behaviour, but our folder gave ${o}`);
      continue;
    }
    defined++;
    if (t !== expected) mismatches.push(`${c.name}: mlir-opt ${t ?? "(not folded)"}, our interpreter ${expected}`);
    if (o !== expected) mismatches.push(`${c.name}: our folder ${o ?? "(not folded)"}, our interpreter ${expected}`);
  }
  expect(mismatches).toEqual([]);
  // The signed cases that differ from a 0/1 model are among those compared.
  expect(theirs.get("extsi_i32_true")).toBe(-1n);
  expect(theirs.get("sitofp_f32_true")).toBe(-1);
  expect(theirs.get("cmpi_slt_true_false")).toBe(1n);
  expect(defined).toBeGreaterThan(cs.length * 0.8);
  expect(undefinedBehaviour).toBeGreaterThan(0);
});
