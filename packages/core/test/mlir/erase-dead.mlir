// RUN: zkmlir-opt %s --allow-unregistered-dialect --pass-pipeline='builtin.module(test.func(test-erase-dead))' | FileCheck %s
// RUN: zkmlir-opt %s --allow-unregistered-dialect --test-erase-dead --mlir-print-ir-after-all 2>&1 | FileCheck %s --check-prefix=DUMP

// CHECK-LABEL: "test.func"
// CHECK-NOT: test.dead
// CHECK: "test.keep"
// DUMP: // -----// IR Dump After TestEraseDead (test-erase-dead) //----- //
// DUMP-NOT: test.dead
// DUMP: module {
"test.func"() ({
  "test.dead"() : () -> ()
  "test.keep"() : () -> ()
}) : () -> ()
