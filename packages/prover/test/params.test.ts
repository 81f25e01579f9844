// Security parameter arithmetic and presets.
import { MIN_SECURE_BITS, ParamsError, PRESETS, preset, securityBits } from "../src/index.js";
import { assertSecurity } from "../src/protocol/params.js";

test("bits = queries * logBlowup + grinding, capped by the field and hash terms", () => {
  expect(securityBits(PRESETS.default, 20)).toBe(28 * 3 + 16);
  expect(securityBits(PRESETS.secure128, 20)).toBe(128);
  expect(securityBits({ ...PRESETS.default, numQueries: 100 }, 80)).toBe(191 - 80 - 8);
  expect(securityBits(PRESETS["insecure-test"], 10)).toBe(6 * 1 + 2);
});

test("presets: default >= 100 bits, secure128 >= 128 bits for any supported size", () => {
  for (let log = 4; log <= 30; log++) {
    expect(securityBits(preset("default"), log)).toBeGreaterThanOrEqual(MIN_SECURE_BITS);
    expect(securityBits(preset("secure128"), log)).toBeGreaterThanOrEqual(128);
    expect(securityBits(preset("lowmem100"), log)).toBeGreaterThanOrEqual(MIN_SECURE_BITS);
  }
});

test("floor: refused below 100 bits unless the named insecure preset is allowed", () => {
  expect(() => assertSecurity(PRESETS["insecure-test"], 10, false)).toThrow(ParamsError);
  expect(() => assertSecurity(PRESETS["insecure-test"], 10, true)).not.toThrow();
  expect(() => assertSecurity({ ...PRESETS.default, numQueries: 27 }, 10, true)).toThrow(/97 conjectured bits/);
  expect(() => assertSecurity({ ...PRESETS.default, logBlowup: 0 }, 10, false)).toThrow(/invalid proof parameters/);
  expect(() => preset("fast")).toThrow(/unknown security preset 'fast'/);
});
