// Typed errors of the proof system: each names what failed and where, so callers can tell
// malformed input (format errors) from a rejected statement (verification errors).

/** Circuit built or described inconsistently (bad column index, rotation past the usable rows...). */
export class CircuitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CircuitError";
  }
}

/** A byte stream (circuit, table, proof, key) that does not parse: truncated, non-canonical, trailing bytes. */
export class FormatError extends Error {
  constructor(what: string, offset: number, message: string) {
    super(`${what}: ${message} (at byte ${offset})`);
    this.name = "FormatError";
  }
}

/** The witness does not satisfy the circuit; carries the first violation found by the checker. */
export class ConstraintError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConstraintError";
  }
}

/** Parameters below the security floor, or otherwise unusable. */
export class ParamsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ParamsError";
  }
}

/** A proof the verifier rejects; `reason` says which check failed. */
export class VerifyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VerifyError";
  }
}

/** A worker-thread option or task that failed (bad `workers` count, a task that threw in a worker). */
export class WorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkerError";
  }
}
