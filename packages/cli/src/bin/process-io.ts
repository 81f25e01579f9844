// ToolIO bound to the real process streams (stdin is read lazily by the tool when needed).
import type { ToolIO } from "@zkmlir/testkit";

export const processIO: ToolIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
};
