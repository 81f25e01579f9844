// Jest runs on the `tsc -b` output (native ESM, no transform): see CONTRIBUTING.md.
export default {
  testEnvironment: "node",
  transform: {},
  testMatch: ["<rootDir>/{packages,dialects,passes}/*/dist/test/**/*.test.js"],
  modulePathIgnorePatterns: ["<rootDir>/.*/node_modules/"],
  testTimeout: 120000,
};
