// Worker threads: the column-parallel phases give the same bytes as the single-threaded path
// (proofs, LDEs, interpolations, Merkle levels), bad pool sizes and failing tasks are clear errors.
import { encodeProof, preset, prove, randomCircuit, setup } from "../src/index.js";
import { WorkerError } from "../src/errors.js";
import { MerkleTree } from "../src/merkle/index.js";
import { serialWork } from "../src/protocol/column-work.js";
import { parallelWork } from "../src/parallel/parallel-work.js";
import { closeWorkerPools, WorkerPool, workerPool } from "../src/parallel/pool.js";
import { isShared, sharedVec, toShared } from "../src/parallel/shared.js";
import { seededRng } from "../src/util/random.js";
import { ALLOW, check, TEST_PARAMS } from "./helpers.js";
import { Rng } from "./kernels/rand.js";

const randomVec = (n: number, seed: number): BigUint64Array => new Rng(seed).vec(n);

afterAll(closeWorkerPools);

/** Byte equality of vector lists (jest's element-wise toEqual is slow on millions of bigints). */
const sameBytes = (a: readonly BigUint64Array[], b: readonly BigUint64Array[]): boolean =>
  a.length === b.length && a.every((v, i) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).equals(Buffer.from(b[i]!.buffer, b[i]!.byteOffset, b[i]!.byteLength)));

const seeded = () => seededRng(new TextEncoder().encode("workers"));

// insecure-test has blowup 2 < Q = 8 (quotient sources need their own LDEs); default has blowup 8
// (sources are strided views of the FRI LDE).
test.each([["insecure-test", 200], ["default", 900]])("%s: seeded proofs are byte-identical for 1, 2 and 3 threads", async (name, rows) => {
  // Started workers take tasks from the first job on (otherwise the caller might do them all).
  await Promise.all([workerPool(2).online(), workerPool(3).online()]);
  const { circuit, witness } = randomCircuit({ rows, columns: 7, seed: 11 });
  const pk = setup(circuit, preset(name), ALLOW);
  const bytes = [1, 2, 3].map((workers) => encodeProof(prove(pk, witness, { rng: seeded(), workers })));
  expect(check(pk, prove(pk, witness, { workers: 2 }))).toEqual({ ok: true });
  expect(bytes[1]).toEqual(bytes[0]);
  expect(pk.fixed.lde.every(isShared)).toBe(true); // worker threads read the fixed batch in place
  expect(bytes[2]).toEqual(bytes[0]);
});

describe("parallel column work equals serial", () => {
  const par = parallelWork(workerPool(2));
  const cols = Array.from({ length: 5 }, (_, j) => randomVec(1 << 10, 100 + j));

  test("interpolateAll, ldeAll and cosetInttAll, into shared memory, inputs untouched", () => {
    const before = cols.map((c) => c.slice());
    const ip = par.interpolateAll(cols);
    expect(ip).toEqual(serialWork.interpolateAll(cols));
    expect(cols).toEqual(before);
    const l = par.ldeAll(ip, 2, 7n);
    expect(l).toEqual(serialWork.ldeAll(ip, 2, 7n));
    expect(l.every(isShared)).toBe(true);
    const lBefore = l.map((v) => v.slice());
    expect(par.cosetInttAll(l, 7n)).toEqual(serialWork.cosetInttAll(l, 7n));
    expect(l).toEqual(lBefore);
  });

  // 2^5 rows: one task; 2^15 rows: 8 tasks of 2^12 rows, levels above 12 joined on the calling
  // thread (cap height 3 stops exactly at the task subtrees, 0 and 4 cross them).
  test.each([[5, 0], [5, 5], [15, 0], [15, 3], [15, 4]])("Merkle levels of 2^%i rows, cap height %i", (logRows, capHeight) => {
    const m = Array.from({ length: 3 }, (_, j) => randomVec(1 << logRows, 7 * logRows + j));
    const a = new MerkleTree(m, { capHeight, kernels: par.merkle! });
    const b = new MerkleTree(m, { capHeight });
    expect(a.cap).toEqual(b.cap);
    for (const i of [0, 1, (1 << logRows) - 1]) expect(a.open(i)).toEqual(b.open(i));
  });
});

test("worker threads run tasks (the equality tests compare two different paths)", async () => {
  const pool = workerPool(2);
  await pool.online();
  const inputs = Array.from({ length: 16 }, (_, j) => toShared(randomVec(1 << 12, j)));
  // The calling thread may win every claim on a loaded machine; a few tries make that vanishingly rare.
  let byWorkers = 0;
  for (let attempt = 0; attempt < 20 && byWorkers === 0; attempt++) {
    const outputs = inputs.map(() => sharedVec(1 << 14));
    byWorkers = pool.run({ kind: "lde", inputs, outputs, logBlowup: 2, shift: 7n }, inputs.length).byWorkers;
    expect(outputs).toEqual(serialWork.ldeAll(inputs, 2, 7n));
  }
  expect(byWorkers).toBeGreaterThan(0);
});

test("a worker that dies holding a task does not hang the job: the task is redone by the caller", async () => {
  const pool = new WorkerPool(2, { patienceMs: 300, unsafeExitAfterClaim: true });
  try {
    await pool.online();
    // 16 tasks of ~10 ms: the online worker claims one (and dies) long before the caller is done.
    const inputs = Array.from({ length: 16 }, (_, j) => toShared(randomVec(1 << 14, 50 + j)));
    const outputs = inputs.map(() => sharedVec(1 << 16));
    const stats = pool.run({ kind: "lde", inputs, outputs, logBlowup: 2, shift: 7n }, inputs.length);
    expect(sameBytes(outputs, serialWork.ldeAll(inputs, 2, 7n))).toBe(true);
    expect(stats).toEqual({ byWorkers: 0, redone: 1 });
    // The dead worker takes no more tasks: later jobs need no redo.
    const again = inputs.map(() => sharedVec(1 << 16));
    expect(pool.run({ kind: "lde", inputs, outputs: again, logBlowup: 2, shift: 7n }, inputs.length)).toEqual({ byWorkers: 0, redone: 0 });
    expect(sameBytes(again, outputs)).toBe(true);
  } finally {
    await pool.close();
  }
});

test("bad worker counts are a WorkerError naming the option", () => {
  const { circuit, witness } = randomCircuit({ rows: 40, columns: 6, seed: 2 });
  const pk = setup(circuit, TEST_PARAMS, ALLOW);
  for (const workers of [0, 1.5, -2, 65]) {
    expect(() => prove(pk, witness, { workers })).toThrow(WorkerError);
    expect(() => prove(pk, witness, { workers })).toThrow(`workers must be an integer in [1, 64], got ${workers}`);
  }
});

test("a task that throws fails the job with its message; the pool keeps working", () => {
  const pool = workerPool(2);
  // Length 3 is not a power of two: every task throws, on whichever thread claims it.
  const bad = Array.from({ length: 6 }, () => new BigUint64Array(new SharedArrayBuffer(24)));
  expect(() => pool.run({ kind: "interpolate", inputs: bad, outputs: bad }, bad.length)).toThrow(/intt: length must be a power of two/);
  const good = parallelWork(pool).interpolateAll([randomVec(64, 1)]);
  expect(good).toEqual(serialWork.interpolateAll([randomVec(64, 1)]));
});
