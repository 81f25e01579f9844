// Malformed IR text must give a located ZkmlirError (parse or verify), never another exception
// or a hang. Mutations of valid modules: byte flips, deletions, insertions of MLIR punctuation,
// truncations.
import { parseModule, printOp, verify, Context, BuiltinDialect, ZkmlirError } from "@zkmlir/core";
import { FuncDialect } from "@zkmlir/func";
import { ArithDialect } from "../src/index.js";

const ctx = new Context({ dialects: [BuiltinDialect, FuncDialect, ArithDialect] });
const SEEDS = [
  `func.func @f(%a: i32, %b: tensor<2x?xf32>) -> (i32, tensor<2x?xf32>) {
    %c = arith.constant dense<[[1.0, 2.0]]> : tensor<1x2xf32>
    %0 = arith.addi %a, %a : i32
    %1 = arith.cmpi slt, %0, %a : i32
    %2 = arith.select %1, %0, %a : i32
    return %2, %b : i32, tensor<2x?xf32>
  }`,
  `"builtin.module"() ({
  "func.func"() <{function_type = (i1, i32) -> i32, sym_name = "g"}> ({
  ^bb0(%arg0: i1, %arg1: i32):
    %0:2 = "test.op"(%arg1) {m = affine_map<(d0, d1)[s0] -> (d0 floordiv 2, d1 + s0 * 3)>, a = array<i64: 1, 2>} : (i32) -> (i32, f32)
    "test.br"(%0#0)[^bb1] : (i32) -> ()
  ^bb1(%x: i32):
    "func.return"(%x) : (i32) -> ()
  }) : () -> ()
}) : () -> () loc("m.mlir":1:1)
{-#
  dialect_resources: { builtin: { w: "0x0400000001020304" } }
#-}`,
];
const PUNCT = ["(", ")", "{", "}", "<", ">", "[", "]", ",", ":", "=", "%", "^", "@", "#", "!", '"', "->", "x", "0x", "-", "?", "\\", "\n", "loc(", "dense<", "tensor<"];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

test("thousands of mutated modules: a clean located error or a valid module", () => {
  const r = rng(Number(process.env.FUZZ_SEED ?? 12345));
  let parsed = 0, rejected = 0;
  for (let i = 0; i < Number(process.env.FUZZ_N ?? 3000); i++) {
    let s = SEEDS[i % SEEDS.length]!;
    const edits = 1 + Math.floor(r() * 3);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(r() * s.length);
      const k = r();
      if (k < 0.3) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 4));
      else if (k < 0.6) s = s.slice(0, at) + PUNCT[Math.floor(r() * PUNCT.length)] + s.slice(at);
      else if (k < 0.8) s = s.slice(0, at) + String.fromCharCode(32 + Math.floor(r() * 95)) + s.slice(at + 1);
      else s = s.slice(0, at);
    }
    try {
      const m = parseModule(s, { context: ctx, allowUnregistered: true });
      verify(m, { allowUnregistered: true }, ctx);
      printOp(m);
      parsed++;
    } catch (e) {
      if (!(e instanceof ZkmlirError)) throw new Error(`mutation ${i} threw ${(e as Error).name}: ${(e as Error).message}\n--- input ---\n${s}`);
      expect(e.format()).toMatch(/error: /);
      rejected++;
    }
  }
  expect(rejected).toBeGreaterThan(1000);
  expect(parsed).toBeGreaterThan(0);
});
