// Runs onnxruntime in a worker thread: under jest, onnxruntime-common lives in the test realm
// while the native binding creates typed arrays in the main realm, and its instanceof checks fail.
// A worker is a plain Node realm. Protocol: one request in, one reply out.
import { parentPort } from "node:worker_threads";
import ort from "onnxruntime-node";

export interface OrtRequest {
  readonly model: Uint8Array;
  readonly inputs: readonly { name: string; type: string; dims: number[]; data: ArrayLike<number | bigint | boolean> }[];
}
export type OrtReply =
  | { readonly ok: true; readonly outputs: { name: string; type: string; dims: number[]; data: ArrayLike<number | bigint> }[] }
  | { readonly ok: false; readonly error: string };

parentPort?.once("message", (req: OrtRequest) => {
  void (async (): Promise<OrtReply> => {
    try {
      const session = await ort.InferenceSession.create(req.model, { logSeverityLevel: 3 });
      const feeds: Record<string, ort.Tensor> = {};
      for (const i of req.inputs) {
        const data = i.type === "bool" ? Uint8Array.from(i.data as ArrayLike<number>) : i.data;
        feeds[i.name] = new ort.Tensor(i.type as "float32", data as Float32Array, i.dims);
      }
      const out = await session.run(feeds);
      const outputs = session.outputNames.map((name) => {
        const t = out[name]!;
        return { name, type: t.type, dims: [...t.dims], data: t.data as ArrayLike<number | bigint> };
      });
      await session.release();
      return { ok: true, outputs };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  })().then((reply) => parentPort!.postMessage(reply));
});
