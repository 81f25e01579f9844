// RUN: zkmlir-opt %s --allow-unregistered-dialect --split-input-file --verify-diagnostics --test-fail-on-bad

// expected-error @+1 {{use of undeclared SSA value name '%x'}}
"test.a"(%x) : (i32) -> ()

// -----

"test.ok"() : () -> ()
"test.bad"() : () -> ()
// expected-error @above {{found a bad op}}

// -----

"test.bad"() : () -> () // expected-error {{found a bad op}}

// -----

// expected-error @below {{custom op 'nope.op' is unknown}}
nope.op
