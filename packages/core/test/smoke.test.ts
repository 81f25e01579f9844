import { VERSION } from "../src/index.js";
test("version", () => { expect(VERSION).toBe("0.1.0"); });
