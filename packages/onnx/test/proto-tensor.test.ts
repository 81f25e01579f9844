import { Tensor } from "@zkmlir/core";
import {
  decodeTensor, encodeTensor, tensorFromProto, loadTensor, UnsupportedDataTypeError, OnnxDecodeError,
} from "../src/index.js";
import { onnx } from "../src/proto/onnx-proto.js";
import { join } from "node:path";
import { NODE_TESTS_DIR } from "./helpers/shared.js";

describe("TensorProto <-> Tensor", () => {
  const cases: Tensor[] = [
    Tensor.fromArray("f32", [2, 3], [1.5, -2, 0, 3.25, 1e-7, -1e30]),
    Tensor.fromArray("f64", [3], [Math.PI, -1e300, 5e-324]),
    Tensor.fromArray("i8", [4], [-128, 127, 0, -1]),
    Tensor.fromArray("i16", [2], [-32768, 32767]),
    Tensor.fromArray("i32", [2, 1], [-(2 ** 31), 2 ** 31 - 1]),
    Tensor.fromArray("i64", [3], [2n ** 62n + 1n, -(2n ** 63n), 9007199254740993n]),
    Tensor.fromArray("u8", [2], [0, 255]),
    Tensor.fromArray("i1", [3], [1, 0, 1]),
    Tensor.fromArray("f32", [], [42]),
    new Tensor("f32", [0, 3]),
  ];
  test.each(cases.map((t) => [t.dtype, t.shape.join("x"), t]))("round trip %s [%s]", (_d, _s, t) => {
    const back = decodeTensor(encodeTensor(t, "x"), "test");
    expect(back.dtype).toBe(t.dtype);
    expect(back.shape).toEqual(t.shape);
    expect([...back.data]).toEqual([...t.data]);
  });

  test("raw_data at an odd offset inside the buffer is copied, not viewed", () => {
    const t = Tensor.fromArray("f32", [2], [1.25, -7]);
    const bytes = encodeTensor(t);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const back = decodeTensor(shifted.subarray(1), "shifted");
    expect([...back.data]).toEqual([1.25, -7]);
  });

  test("typed fields: int64_data keeps values beyond 2^53, int32_data carries bools and int8", () => {
    const big = tensorFromProto({ dataType: 7, dims: [2], int64Data: [{ low: 1, high: 0x200000, unsigned: false }, -5] }, "t");
    expect([...big.data]).toEqual([(0x200000n << 32n) + 1n, -5n]);
    const b = tensorFromProto({ dataType: 9, dims: [3], int32Data: [1, 0, 5] }, "t");
    expect(b.dtype).toBe("i1");
    expect([...b.data]).toEqual([1, 0, 1]);
    const i8 = tensorFromProto({ dataType: 3, dims: [2], int32Data: [-3, 100] }, "t");
    expect([...i8.data]).toEqual([-3, 100]);
    const f = tensorFromProto({ dataType: 1, dims: [2], floatData: [0.5, 2] }, "t");
    expect([...f.data]).toEqual([0.5, 2]);
  });

  test.each([
    [10, "float16"], [16, "bfloat16"], [17, "float8e4m3fn"], [21, "uint4"], [22, "int4"], [24, "float8e8m0"],
    [26, "int2"], [8, "string"], [4, "uint16"], [13, "uint64"], [14, "complex64"], [99, "data type 99"],
  ])("data type %i is refused as %s", (code, name) => {
    expect(() => tensorFromProto({ dataType: code, dims: [1], rawData: new Uint8Array(8) }, "initializer 'w'"))
      .toThrow(new UnsupportedDataTypeError(`unsupported data type ${name} (initializer 'w')`));
  });

  test("raw_data of the wrong length is a decode error naming the tensor", () => {
    expect(() => tensorFromProto({ dataType: 1, dims: [3], rawData: new Uint8Array(8) }, "initializer 'w'"))
      .toThrow(/initializer 'w': raw_data has 8 bytes, f32 shape needs 12/);
    expect(() => tensorFromProto({ dataType: 1, dims: [3], floatData: [1] }, "x")).toThrow(OnnxDecodeError);
  });

  test("external data is refused", () => {
    expect(() => tensorFromProto({ dataType: 1, dims: [1], dataLocation: onnx.TensorProto.DataLocation.EXTERNAL }, "w"))
      .toThrow(/external tensor data is not supported/);
  });

  test("sequence and optional value files are refused as unsupported data types", () => {
    for (const c of ["test_identity_opt/test_data_set_0/input_0.pb", "test_sequence_map_identity_1_sequence_1_tensor/test_data_set_0/input_0.pb"]) {
      expect(() => loadTensor(join(NODE_TESTS_DIR, c))).toThrow(/unsupported data type sequence or optional/);
    }
  });

  test("a real backend-test input file decodes", () => {
    const t = loadTensor(join(NODE_TESTS_DIR, "test_add", "test_data_set_0", "input_0.pb"));
    expect(t.dtype).toBe("f32");
    expect(t.shape).toEqual([3, 4, 5]);
  });
});
