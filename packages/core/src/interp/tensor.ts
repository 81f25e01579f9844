// Dense, row-major tensors on typed arrays: the value domain of the float/integer
// reference interpreters. int64/uint64 live in BigInt64Array so values beyond 2^53 stay exact.

export type DType = "f32" | "f64" | "i8" | "i16" | "i32" | "i64" | "u8" | "i1";

export type TypedData =
  | Float32Array
  | Float64Array
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array
  | Uint8Array;

/** Number of elements of a shape (1 for a scalar). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides of a shape. */
export function shapeStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i]!;
  }
  return s;
}

export function allocData(dtype: DType, n: number): TypedData {
  switch (dtype) {
    case "f32": return new Float32Array(n);
    case "f64": return new Float64Array(n);
    case "i8": return new Int8Array(n);
    case "i16": return new Int16Array(n);
    case "i32": return new Int32Array(n);
    case "i64": return new BigInt64Array(n);
    case "u8": return new Uint8Array(n);
    case "i1": return new Uint8Array(n); // bool: 0 or 1
  }
}

export function isFloatDType(dtype: DType): boolean {
  return dtype === "f32" || dtype === "f64";
}

export class Tensor {
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly data: TypedData;

  constructor(dtype: DType, shape: readonly number[], data?: TypedData) {
    const n = shapeSize(shape);
    for (const d of shape) {
      if (!Number.isInteger(d) || d < 0) throw new Error(`invalid tensor dimension ${d} in [${shape.join(", ")}]`);
    }
    if (data && data.length !== n) {
      throw new Error(`tensor data has ${data.length} elements, shape [${shape.join(", ")}] needs ${n}`);
    }
    this.dtype = dtype;
    this.shape = shape.slice();
    this.data = data ?? allocData(dtype, n);
  }

  get size(): number { return this.data.length; }
  get rank(): number { return this.shape.length; }
  get strides(): number[] { return shapeStrides(this.shape); }

  /** Element i as a JS number (i64 converted; may round beyond 2^53). */
  getNumber(i: number): number {
    const v = this.data[i]!;
    return typeof v === "bigint" ? Number(v) : v;
  }

  static scalar(dtype: DType, v: number | bigint): Tensor {
    const t = new Tensor(dtype, []);
    setElem(t.data, 0, v);
    return t;
  }

  static fromArray(dtype: DType, shape: readonly number[], values: ArrayLike<number | bigint>): Tensor {
    const t = new Tensor(dtype, shape);
    if (values.length !== t.size) throw new Error(`expected ${t.size} values, got ${values.length}`);
    for (let i = 0; i < values.length; i++) setElem(t.data, i, values[i]!);
    return t;
  }

  reshape(shape: readonly number[]): Tensor {
    return new Tensor(this.dtype, shape, this.data);
  }
}

/** Store a number or bigint into typed data, converting between number and bigint. */
export function setElem(data: TypedData, i: number, v: number | bigint): void {
  if (data instanceof BigInt64Array) data[i] = typeof v === "bigint" ? v : BigInt(Math.trunc(v));
  else (data as Float64Array)[i] = typeof v === "bigint" ? Number(v) : v;
}
