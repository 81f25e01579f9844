// @zkmlir/testkit: a FileCheck-like matcher and a runner for `.mlir` RUN-line tests.
export { fileCheck, type FileCheckOptions } from "./filecheck/matcher.js";
export { FileCheckError, parseDirectives, type Directive, type DirectiveKind } from "./filecheck/directives.js";
export { compilePattern, type CompiledPattern } from "./filecheck/pattern.js";
export { collectRunLines, parseRunCommand, tokenize, checkPrefixes, RunLineError, type RunCommand } from "./runner/run-lines.js";
export { splitInputFile, SPLIT_MARKER, type InputChunk } from "./runner/split-input.js";
export { runMlirCommand, type Tool, type ToolIO, type RunOutcome } from "./runner/run-mlir-test.js";
export { describeMlirTests, mlirTestCases, type MlirTestOptions, type MlirTestCase } from "./runner/describe-mlir-tests.js";
export { parseExpectedDiagnostics, verifyDiagnostics, DiagnosticAnnotationError, type EmittedDiagnostic, type ExpectedDiagnostic, type Severity } from "./diagnostics/expected-diagnostics.js";
