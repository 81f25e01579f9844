// @zkmlir/testkit: a FileCheck-like matcher and a runner for `.mlir` RUN-line tests.
export { fileCheck, type FileCheckOptions } from "./filecheck/matcher.js";
export { FileCheckError, parseDirectives, type Directive, type DirectiveKind } from "./filecheck/directives.js";
export { compilePattern, type CompiledPattern } from "./filecheck/pattern.js";
