import type { Dialect } from "../ir/dialect.js";
import { ModuleOp } from "./module.js";
import { UnrealizedConversionCastOp } from "./cast.js";

export const BuiltinDialect: Dialect = {
  name: "builtin",
  description: "Module and the conversion cast; always loaded.",
  ops: [ModuleOp, UnrealizedConversionCastOp],
};
