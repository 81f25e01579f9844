import { SymbolDCEPass } from "../src/index.js";
import { parse, print } from "./test-dialect.js";

test("keeps public and referenced symbols, removes unreachable private ones (iterating)", () => {
  const m = parse(`
"test.func"() ({
  "test.call"() {callee = @used} : () -> ()
}) {sym_name = "pub"} : () -> ()
"test.func"() ({
  "test.call"() {callee = @used2} : () -> ()
}) {sym_name = "used", sym_visibility = "private"} : () -> ()
"test.func"() {sym_name = "used2", sym_visibility = "private"} : () -> ()
"test.func"() ({
  "test.call"() {callee = @dead2} : () -> ()
}) {sym_name = "dead", sym_visibility = "private"} : () -> ()
"test.func"() ({
  "test.call"() {callee = @self} : () -> ()
}) {sym_name = "self", sym_visibility = "private"} : () -> ()
"test.func"() {sym_name = "dead2", sym_visibility = "private"} : () -> ()
"test.func"() {sym_name = "by_array", sym_visibility = "private"} : () -> ()
"test.user"() {refs = [{x = @by_array}, @inner::@f]} : () -> ()
module @inner {
  "test.func"() {sym_name = "f", sym_visibility = "private"} : () -> ()
  "test.func"() {sym_name = "g", sym_visibility = "private"} : () -> ()
}
module @hidden attributes {sym_visibility = "private"} {
  "test.func"() {sym_name = "pub_in_dead"} : () -> ()
}`);
  const p = new SymbolDCEPass();
  p.run(m);
  const out = print(m);
  for (const kept of ["pub", "used", "used2", "by_array", "f"]) expect(out).toContain(`sym_name = "${kept}"`);
  for (const gone of ["dead", "dead2", "self", "g", "pub_in_dead"]) expect(out).not.toContain(`sym_name = "${gone}"`);
  expect(out).toContain("module @inner");
  expect(out).not.toContain("@hidden");
  expect(p.statistics.get("num-dce'd")).toBe(5);
});

test("nothing to remove leaves the IR untouched", () => {
  const src = `"test.func"() {sym_name = "a"} : () -> ()\n"test.func"() {sym_name = "b", sym_visibility = "private"} : () -> ()\n"test.x"() {r = @b} : () -> ()`;
  const m = parse(src);
  new SymbolDCEPass().run(m);
  expect(print(m)).toBe(print(parse(src)));
});
