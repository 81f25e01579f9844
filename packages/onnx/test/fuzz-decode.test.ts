// Mutated model files (bit flips, truncation, byte insertion into small real models) must either
// decode (and normalise) or fail with a typed OnnxError: never another exception, never a hang.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeModel, normalizeOpset, OnnxError } from "../src/index.js";
import { EZKL_MODELS_DIR, NODE_TESTS_DIR } from "./helpers/shared.js";

const SEEDS = [
  join(NODE_TESTS_DIR, "test_add", "model.onnx"),
  join(NODE_TESTS_DIR, "test_softmax_axis_0", "model.onnx"),
  join(NODE_TESTS_DIR, "test_reshape_reordered_all_dims", "model.onnx"),
  join(EZKL_MODELS_DIR, "1l_mlp", "network.onnx"),
  join(EZKL_MODELS_DIR, "1l_conv", "network.onnx"),
];
const PER_SEED = 700;

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 2 ** 32; };
}

function mutate(bytes: Uint8Array, rand: () => number): Uint8Array {
  const kind = Math.floor(rand() * 3);
  const at = Math.floor(rand() * bytes.length);
  if (kind === 0) { // flip 1-4 bits
    const out = bytes.slice();
    for (let k = 1 + Math.floor(rand() * 4); k > 0; k--) {
      const i = Math.floor(rand() * out.length);
      out[i]! ^= 1 << Math.floor(rand() * 8);
    }
    return out;
  }
  if (kind === 1) return bytes.slice(0, at); // truncate
  const ins = new Uint8Array(1 + Math.floor(rand() * 8)).map(() => Math.floor(rand() * 256));
  const out = new Uint8Array(bytes.length + ins.length); // insert random bytes
  out.set(bytes.subarray(0, at));
  out.set(ins, at);
  out.set(bytes.subarray(at), at + ins.length);
  return out;
}

describe("fuzzed model files", () => {
  test.each(SEEDS.map((p, i) => [p.split("/").slice(-2).join("/"), p, i]))("%s: %#", (_name, path, i) => {
    const original = readFileSync(path as string);
    const rand = rng(1234 + (i as number));
    let decoded = 0;
    let refused = 0;
    for (let k = 0; k < PER_SEED; k++) {
      const bytes = mutate(original, rand);
      try {
        normalizeOpset(decodeModel(bytes, `mutant ${k}`));
        decoded++;
      } catch (e) {
        if (!(e instanceof OnnxError)) throw new Error(`mutant ${k} of ${path}: untyped ${String(e)}`, { cause: e });
        expect(e.message).toMatch(/mutant \d+|unsupported/);
        refused++;
      }
    }
    expect(decoded + refused).toBe(PER_SEED);
    expect(refused).toBeGreaterThan(0); // the mutations do break files
  });
});
