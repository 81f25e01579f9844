// The protocol between the threads running one job: shared control words, tasks claimed one at
// a time with an atomic counter (the fastest thread takes more), and a done count the caller
// waits on with Atomics.wait (so prove() stays synchronous).
import { runTask, type Job } from "./job.js";

export interface JobMessage {
  readonly job: Job;
  readonly count: number;
  /** Control words (SharedArrayBuffer): NEXT, DONE, FAILED, BY_WORKERS. */
  readonly ctl: Int32Array;
}

export const NEXT = 0;
export const DONE = 1;
export const FAILED = 2;
/** Tasks run by worker threads (not by the caller): shows that the workers took part. */
export const BY_WORKERS = 3;

export function controlWords(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * 4));
}

/**
 * Claims and runs tasks until none is left. After a failure (anywhere) the remaining tasks are
 * counted but not run, so DONE always reaches count. `onError` runs before the failed task is
 * counted, so the waiting thread sees the report when it wakes. Returns this thread's first error.
 */
export function drain(m: JobMessage, isWorker: boolean, onError: (e: unknown, task: number) => void): unknown {
  let first: unknown;
  for (;;) {
    const i = Atomics.add(m.ctl, NEXT, 1);
    if (i >= m.count) return first;
    try {
      if (Atomics.load(m.ctl, FAILED) === 0) {
        runTask(m.job, i);
        if (isWorker) Atomics.add(m.ctl, BY_WORKERS, 1);
      }
    } catch (e) {
      if (first === undefined) first = e;
      Atomics.store(m.ctl, FAILED, 1);
      onError(e, i);
    } finally {
      if (Atomics.add(m.ctl, DONE, 1) + 1 === m.count) Atomics.notify(m.ctl, DONE);
    }
  }
}

/** Blocks until every task of the job is counted. */
export function waitDone(m: JobMessage): void {
  for (;;) {
    const done = Atomics.load(m.ctl, DONE);
    if (done >= m.count) return;
    Atomics.wait(m.ctl, DONE, done);
  }
}
