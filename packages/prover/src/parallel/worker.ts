// Worker-thread entry (started from dist/src/parallel/worker.js by pool.ts): runs the tasks it
// claims from each job message; a failure is reported on the error port before it is counted.
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { drain, NEXT, type JobMessage } from "./claim.js";

const { errors, exitAfterClaim } = workerData as { errors: MessagePort; exitAfterClaim?: boolean };

parentPort!.on("message", (m: JobMessage) => {
  // TESTING ONLY (PoolOptions.unsafeExitAfterClaim): die holding a claimed task, as a killed worker would.
  if (exitAfterClaim === true) {
    Atomics.add(m.ctl, NEXT, 1);
    process.exit(1);
  }
  drain(m, true, (e, task) => {
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    errors.postMessage(`${m.job.kind} task ${task}: ${text}`);
  });
});
