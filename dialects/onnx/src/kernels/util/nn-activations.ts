import { KernelError } from "../types.js";

export type Activation = (x: number) => number;

/** Activation name -> how many of (alpha, beta) it takes, their defaults, and the function. */
const TABLE: Record<string, { params: number[]; make: (a: number, b: number) => Activation }> = {
  Relu: { params: [], make: () => (x) => (x > 0 ? x : 0) },
  Tanh: { params: [], make: () => Math.tanh },
  Sigmoid: { params: [], make: () => (x) => 1 / (1 + Math.exp(-x)) },
  Affine: { params: [1, 0], make: (a, b) => (x) => a * x + b },
  LeakyRelu: { params: [0.01], make: (a) => (x) => (x >= 0 ? x : a * x) },
  ThresholdedRelu: { params: [1], make: (a) => (x) => (x > a ? x : 0) },
  ScaledTanh: { params: [1, 1], make: (a, b) => (x) => a * Math.tanh(b * x) },
  HardSigmoid: { params: [0.2, 0.5], make: (a, b) => (x) => Math.max(0, Math.min(1, a * x + b)) },
  Elu: { params: [1], make: (a) => (x) => (x >= 0 ? x : a * (Math.exp(x) - 1)) },
  Softsign: { params: [], make: () => (x) => x / (1 + Math.abs(x)) },
  Softplus: { params: [], make: () => (x) => Math.log1p(Math.exp(x)) },
};

/**
 * Resolve an RNN activations list. activation_alpha / activation_beta are consumed in order by
 * the activations that take that parameter (as onnxruntime does); missing ones use the defaults
 * of the corresponding ONNX operator.
 */
export function resolveActivations(op: string, names: readonly string[], alphas: readonly number[] = [], betas: readonly number[] = []): Activation[] {
  let ai = 0, bi = 0;
  return names.map((raw) => {
    const name = Object.keys(TABLE).find((k) => k.toLowerCase() === raw.toLowerCase());
    if (!name) throw new KernelError(`unsupported: ${op} activation "${raw}"`);
    const spec = TABLE[name]!;
    const a = spec.params.length > 0 ? (alphas[ai++] ?? spec.params[0]!) : 0;
    const b = spec.params.length > 1 ? (betas[bi++] ?? spec.params[1]!) : 0;
    return spec.make(a, b);
  });
}
