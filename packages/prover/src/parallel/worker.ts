// Worker-thread entry (started from dist/src/parallel/worker.js by pool.ts): runs the tasks it
// claims from each job message; a failure is reported on the error port before it is counted.
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { drain, type JobMessage } from "./claim.js";

const errors = (workerData as { errors: MessagePort }).errors;

parentPort!.on("message", (m: JobMessage) => {
  drain(m, true, (e, task) => {
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    errors.postMessage(`${m.job.kind} task ${task}: ${text}`);
  });
});
