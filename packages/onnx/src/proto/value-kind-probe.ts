// Backend tests store sequence and optional values as SequenceProto/OptionalProto files, which
// onnx-proto (IR 8 schema) does not define. Both start with name=1 (string) and elem_type=2, so a
// protobufjs message declaring just those two fields recognises them (no hand-written decoding).
import protobuf from "protobufjs";

const Probe = new protobuf.Type("ValueKindProbe")
  .add(new protobuf.Field("name", 1, "string"))
  .add(new protobuf.Field("elemType", 2, "int32"));

/** True when `bytes` look like a SequenceProto/OptionalProto: identifier-like name, elem_type 1..5. */
export function looksLikeSequenceOrOptional(bytes: Uint8Array): boolean {
  try {
    const m = Probe.toObject(Probe.decode(bytes)) as { name?: string; elemType?: number };
    return /^[A-Za-z_][\w.:/-]*$/.test(m.name ?? "") && (m.elemType ?? 0) >= 1 && (m.elemType ?? 0) <= 5;
  } catch {
    return false;
  }
}
