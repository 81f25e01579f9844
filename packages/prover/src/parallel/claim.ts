// The protocol between the threads running one job: shared control words, tasks claimed one at
// a time with an atomic counter (the fastest thread takes more), a finished flag per task, and a
// done count the caller waits on with Atomics.wait (so prove() stays synchronous).
// Tasks are idempotent (a task writes the same bytes whoever runs it, however often), which is
// what lets the caller redo a task whose worker died instead of waiting forever.
import { runTask, type Job } from "./job.js";

export interface JobMessage {
  readonly job: Job;
  readonly count: number;
  /** SharedArrayBuffer words: NEXT, DONE, FAILED, BY_WORKERS, then one finished flag per task. */
  readonly ctl: Int32Array;
}

export const NEXT = 0;
export const DONE = 1;
export const FAILED = 2;
/** Tasks run by worker threads (not by the caller): shows that the workers took part. */
export const BY_WORKERS = 3;
const FLAGS = 4;

export function controlWords(count: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * (FLAGS + count)));
}

/** Marks task i finished once (a redone task is not counted twice); wakes the caller on the last. */
function finish(m: JobMessage, i: number): void {
  if (Atomics.compareExchange(m.ctl, FLAGS + i, 0, 1) !== 0) return;
  if (Atomics.add(m.ctl, DONE, 1) + 1 === m.count) Atomics.notify(m.ctl, DONE);
}

/** Runs task i unless the job already failed; on error: FAILED, then `onError`, then finished. */
function attempt(m: JobMessage, i: number, isWorker: boolean, onError: (e: unknown, task: number) => void): unknown {
  try {
    if (Atomics.load(m.ctl, FAILED) === 0) {
      runTask(m.job, i);
      if (isWorker) Atomics.add(m.ctl, BY_WORKERS, 1);
    }
    return undefined;
  } catch (e) {
    Atomics.store(m.ctl, FAILED, 1);
    onError(e, i);
    return e;
  } finally {
    finish(m, i);
  }
}

/**
 * Claims and runs tasks until none is left. After a failure (anywhere) the remaining tasks are
 * finished without running. `onError` runs before the failed task is finished, so the waiting
 * thread sees the report when it wakes. Returns this thread's first error.
 */
export function drain(m: JobMessage, isWorker: boolean, onError: (e: unknown, task: number) => void): unknown {
  let first: unknown;
  for (;;) {
    const i = Atomics.add(m.ctl, NEXT, 1);
    if (i >= m.count) return first;
    const e = attempt(m, i, isWorker, onError);
    if (first === undefined) first = e;
  }
}

/**
 * Blocks until every task is finished. Called after the caller's own drain, so every unfinished
 * task is running on a worker; one that is not finished after `patienceMs` is redone here (a
 * worker thread that died, e.g. killed by the runtime, never finishes its task).
 */
export function waitDone(m: JobMessage, patienceMs: number): { redone: number; error: unknown } {
  const deadline = performance.now() + patienceMs;
  for (;;) {
    const done = Atomics.load(m.ctl, DONE);
    if (done >= m.count) return { redone: 0, error: undefined };
    const left = deadline - performance.now();
    if (left > 0) {
      Atomics.wait(m.ctl, DONE, done, left);
      continue;
    }
    let error: unknown;
    let redone = 0;
    for (let i = 0; i < m.count; i++) {
      if (Atomics.load(m.ctl, FLAGS + i) !== 0) continue;
      error ??= attempt(m, i, false, () => {});
      redone++;
    }
    return { redone, error };
  }
}
