// A pool of worker threads for column-parallel jobs. `threads` counts the calling thread too:
// it posts the job to threads - 1 workers, runs tasks itself, then blocks (Atomics.wait) until
// all are done. Workers are unref'd (they never keep the process alive) and reused across proofs.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { WorkerError } from "../errors.js";
import { BY_WORKERS, controlWords, drain, FAILED, waitDone, type JobMessage } from "./claim.js";
import type { Job } from "./job.js";

/** Refuse absurd pool sizes (each worker holds its own WebAssembly memory). */
export const MAX_THREADS = 64;
const MIN_PATIENCE_MS = 10_000;

export interface RunStats {
  /** Tasks run by worker threads (shows that they took part). */
  readonly byWorkers: number;
  /** Tasks redone by the calling thread because their worker did not finish in time. */
  readonly redone: number;
}

export interface PoolOptions {
  /** Wait this long (ms) for unfinished worker tasks before redoing them on the calling thread. */
  readonly patienceMs?: number;
  /** TESTING ONLY: worker threads exit (as if killed) right after claiming their first task. */
  readonly unsafeExitAfterClaim?: boolean;
}

export class WorkerPool {
  private readonly workers: { worker: Worker; errors: MessagePort }[] = [];
  private readonly started = new Map<Worker, Promise<unknown>>();

  private readonly patienceMs: number | undefined;

  constructor(readonly threads: number, options: PoolOptions = {}) {
    this.patienceMs = options.patienceMs;
    if (!Number.isInteger(threads) || threads < 1 || threads > MAX_THREADS) {
      throw new WorkerError(`workers must be an integer in [1, ${MAX_THREADS}], got ${threads}`);
    }
    // Compiled layout: dist/src/parallel/worker.js next to this file (Node cannot start .ts).
    const url = new URL("./worker.js", import.meta.url);
    for (let i = 1; i < threads; i++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(url, { workerData: { errors: port2, exitAfterClaim: options.unsafeExitAfterClaim === true }, transferList: [port2] });
      worker.unref();
      this.started.set(worker, new Promise((resolve) => worker.once("online", resolve)));
      this.workers.push({ worker, errors: port1 });
    }
  }

  /**
   * Runs tasks 0..count-1 of the job on all threads and returns when every one is done. Vectors
   * in the job must live in SharedArrayBuffers (outputs would otherwise be written to copies).
   */
  run(job: Job, count: number): RunStats {
    if (count === 0) return { byWorkers: 0, redone: 0 };
    const m: JobMessage = { job, count, ctl: controlWords(count) };
    for (const w of this.workers.slice(0, count - 1)) w.worker.postMessage(m);
    const t0 = performance.now();
    const own = drain(m, false, () => {});
    const waited = waitDone(m, this.patience(performance.now() - t0));
    const reports = this.workers.flatMap((w) => {
      const out: string[] = [];
      for (let r = receiveMessageOnPort(w.errors); r !== undefined; r = receiveMessageOnPort(w.errors)) out.push(String(r.message));
      return out;
    });
    if (own !== undefined) throw own;
    if (waited.error !== undefined) throw waited.error;
    if (Atomics.load(m.ctl, FAILED) !== 0) {
      throw new WorkerError(`worker thread failed: ${reports[0] ?? "no report received"}`);
    }
    return { byWorkers: Atomics.load(m.ctl, BY_WORKERS), redone: waited.redone };
  }

  /**
   * How long to wait for the workers' last tasks before redoing them here: generous (the machine
   * is shared and a worker may be descheduled), a multiple of what this thread's own share took.
   */
  private patience(ownMs: number): number {
    return this.patienceMs ?? Math.max(MIN_PATIENCE_MS, 20 * ownMs);
  }

  /** Resolves when every worker thread runs (jobs posted earlier are queued, not lost). */
  online(): Promise<void> {
    return Promise.all(this.workers.map((w) => this.started.get(w.worker))).then(() => undefined);
  }

  /** Stops the workers (tests; a process may also just exit). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
    this.workers.length = 0;
  }
}

const pools = new Map<number, WorkerPool>();

/** The shared pool with this many threads (started on first use). */
export function workerPool(threads: number): WorkerPool {
  let p = pools.get(threads);
  if (p === undefined) pools.set(threads, (p = new WorkerPool(threads)));
  return p;
}

/** Terminates every pool started by workerPool(). */
export async function closeWorkerPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.close()));
}
