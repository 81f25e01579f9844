import { fileCheck, FileCheckError } from "../src/index.js";

const ok = (check: string, input: string, prefixes?: string[]) => expect(() => fileCheck(check, input, { prefixes })).not.toThrow();
const bad = (check: string, input: string, msg: RegExp, prefixes?: string[]) => {
  expect(() => fileCheck(check, input, { prefixes })).toThrow(FileCheckError);
  expect(() => fileCheck(check, input, { prefixes })).toThrow(msg);
};

const INPUT = `func @a() {
  %0 = arith.constant   1 : i32
  %1 = arith.addi %0, %0 : i32

  return %1
}
func @b() {
  return
}`;

test("CHECK matches in order, with canonical whitespace", () => {
  ok("// CHECK: arith.constant 1\n// CHECK: return", INPUT);
  bad("// CHECK: return %1\n// CHECK: arith.constant", INPUT, /CHECK: expected string not found in input/);
  bad("// CHECK: arith.constant1", INPUT, /expected string not found/);
});

test("CHECK-NEXT and CHECK-SAME constrain lines", () => {
  ok("// CHECK: arith.constant\n// CHECK-NEXT: arith.addi\n// CHECK-SAME: : i32", INPUT);
  bad("// CHECK: arith.constant\n// CHECK-NEXT: return", INPUT, /CHECK-NEXT: is not on the line after the previous match/);
  bad("// CHECK: arith.constant\n// CHECK-SAME: addi", INPUT, /CHECK-SAME: is not on the same line/);
  bad("// CHECK-NEXT: x", INPUT, /without previous/);
});

test("CHECK-EMPTY requires an empty next line", () => {
  ok("// CHECK: arith.addi\n// CHECK-EMPTY:\n// CHECK-NEXT: return %1", INPUT);
  bad("// CHECK: arith.constant\n// CHECK-EMPTY:", INPUT, /CHECK-EMPTY: is not on the line after/);
});

test("CHECK-NOT between matches", () => {
  ok("// CHECK: @a\n// CHECK-NOT: muli\n// CHECK: return", INPUT);
  bad("// CHECK: @a\n// CHECK-NOT: addi\n// CHECK: return", INPUT, /CHECK-NOT: excluded string found in input/);
  // NOT after the last match covers the rest of the input.
  bad("// CHECK: @b\n// CHECK-NOT: return", INPUT, /excluded string found/);
  ok("// CHECK: @b\n// CHECK-NOT: addi", INPUT);
});

test("CHECK-DAG matches in any order without overlap", () => {
  ok("// CHECK-DAG: addi\n// CHECK-DAG: constant\n// CHECK: return %1", INPUT);
  bad("// CHECK-DAG: addi\n// CHECK-DAG: addi\n// CHECK: return", INPUT, /CHECK-DAG: expected string not found/);
  ok("// CHECK-DAG: %0\n// CHECK-DAG: %0", INPUT);
});

test("CHECK-LABEL splits the input into blocks", () => {
  ok("// CHECK-LABEL: @a\n// CHECK: return %1\n// CHECK-LABEL: @b\n// CHECK-NEXT: return", INPUT);
  // Without the label split, `return %1` is not in @b's block.
  bad("// CHECK-LABEL: @b\n// CHECK: return %1", INPUT, /expected string not found/);
  bad("// CHECK-LABEL: @a\n// CHECK: return\n// CHECK-NOT: addi\n// CHECK-LABEL: @b", INPUT.replace("return %1", "return %1 addi"), /excluded string found/);
  bad("// CHECK-LABEL: @zz", INPUT, /CHECK-LABEL: expected string not found/);
});

test("regexes and variables", () => {
  ok("// CHECK: [[V:%[0-9]+]] = arith.constant\n// CHECK: arith.addi [[V]], [[V]]", INPUT);
  bad("// CHECK: [[V:%[0-9]+]] = arith.addi\n// CHECK: arith.addi [[V]]", INPUT, /expected string not found/);
  ok("// CHECK: arith.constant {{[0-9]+}} : i{{32|64}}", INPUT);
  bad("// CHECK: arith.constant {{[a-z]+}} :", INPUT, /expected string not found/);
  bad("// CHECK: [[NOPE]]", INPUT, /undefined variable: NOPE/);
  bad("// CHECK: {{[}}", INPUT, /invalid regex/);
  // Regex metacharacters in literal text are literal.
  bad("// CHECK: @a().", INPUT, /expected string not found/);
});

test("custom prefixes and missing directives", () => {
  ok("// FOO: @a\n// CHECK: nonsense", INPUT, ["FOO"]);
  ok("// A: @a\n// B: @b", INPUT, ["A", "B"]);
  bad("// CHECK: x", INPUT, /no check strings found with prefix 'FOO:'/, ["FOO"]);
  bad("// CHECK:", INPUT, /found empty check string/);
});

test("failure message points at the check line and the input position", () => {
  try {
    fileCheck("\n// CHECK: @a\n// CHECK-NEXT: nothing", INPUT, { checkFile: "t.mlir" });
    throw new Error("should fail");
  } catch (e) {
    expect((e as Error).message).toMatch(/^t\.mlir:3:4: error: CHECK-NEXT: expected string not found in input\n\/\/ CHECK-NEXT: nothing\n<stdin>:1:8: note: scanning from here/);
  }
});
