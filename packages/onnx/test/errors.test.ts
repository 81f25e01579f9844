// The typed errors: each is an OnnxError named after its own class (callers and messages rely on
// `name`), keeps its message and carries a cause.
import {
  OnnxDecodeError, OnnxError, OnnxExecError, OnnxExportError, OnnxGraphError, OnnxInputError, UnsupportedDataTypeError,
  UnsupportedOpError, UnsupportedOpsetError,
} from "../src/index.js";

const CLASSES = {
  OnnxError, OnnxDecodeError, OnnxGraphError, UnsupportedDataTypeError, UnsupportedOpError, UnsupportedOpsetError,
  OnnxInputError, OnnxExecError, OnnxExportError,
};

test.each(Object.entries(CLASSES))("%s has its class name, message and cause", (name, Class) => {
  const cause = new Error("inner");
  const e = new Class("what failed (node 'n')", { cause });
  expect(e).toBeInstanceOf(OnnxError);
  expect(e).toBeInstanceOf(Error);
  expect(e.name).toBe(name);
  expect(e.message).toBe("what failed (node 'n')");
  expect(e.cause).toBe(cause);
  expect(String(e)).toBe(`${name}: what failed (node 'n')`);
});
