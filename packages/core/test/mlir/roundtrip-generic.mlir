// RUN: zkmlir-opt %s --allow-unregistered-dialect | FileCheck %s
// RUN: zkmlir-opt %s --allow-unregistered-dialect --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// CHECK-LABEL: module {
// CHECK-NEXT: [[X:%[0-9]+]] = "test.make"() {v = 3 : i32} : () -> i32
// CHECK-NEXT: "test.use"([[X]], [[X]]) : (i32, i32) -> ()
// CHECK-NOT: test.make
// GENERIC: "builtin.module"() ({
// GENERIC: "test.use"
%0 = "test.make"() {v = 3 : i32} : () -> i32
"test.use"(%0, %0) : (i32, i32) -> ()
