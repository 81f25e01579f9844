// The worklist solver of a sparse forward analysis (MLIR's DataFlowSolver with the dead-code and
// sparse analyses fused). States flow along SSA use-def edges: when a value's state changes, its
// users are revisited. Control flow: a block is live once a live branch may reach it (region
// entry blocks are live with their op); a block argument joins the operands forwarded along its
// live incoming edges, widening after `widenAfter` changes so loops terminate. Values in dead
// blocks keep no state (bottom).
import type { Operation } from "../ir/operation.js";
import type { Block } from "../ir/block.js";
import { BlockArgument, type Value } from "../ir/value.js";
import type { SparseForwardAnalysis } from "./sparse-forward-analysis.js";
import { DataflowError } from "./dataflow-errors.js";

export interface SolverOptions<S> {
  /** States of the root's entry-block arguments (a function's arguments); others are top. */
  arguments?: ReadonlyMap<BlockArgument, S>;
  /** Op visits allowed per op of the root before giving up (a non-monotone transfer). */
  maxVisitsPerOp?: number;
}

export class DataflowSolver<S> {
  private readonly states = new Map<Value, S>();
  private readonly liveBlocks = new Set<Block>();
  /** Live incoming edges per block: predecessor terminator -> successor indices. */
  private readonly liveEdges = new Map<Block, Map<Operation, Set<number>>>();
  private readonly argChanges = new Map<BlockArgument, number>();
  private readonly worklist: Operation[] = [];
  private readonly queued = new Set<Operation>();
  private root: Operation | undefined;
  /** Op visits of the last run. */
  visits = 0;

  constructor(readonly analysis: SparseForwardAnalysis<S>, readonly options: SolverOptions<S> = {}) {}

  /** Analyses everything nested in `root` (the root's own operands and results are not analysed). */
  run(root: Operation): this {
    this.root = root;
    let numOps = 0;
    root.walk(() => { numOps++; });
    const maxVisits = (this.options.maxVisitsPerOp ?? 1000) * numOps + 1000;
    for (const region of root.regions) {
      const entry = region.entry;
      if (!entry) continue;
      for (const arg of entry.args) this.setArg(arg, this.options.arguments?.get(arg) ?? this.analysis.lattice.top(arg));
      this.markLive(entry);
    }
    for (let head = 0; head < this.worklist.length; head++) {
      const op = this.worklist[head]!;
      this.queued.delete(op);
      if (++this.visits > maxVisits) {
        throw new DataflowError(`dataflow analysis did not converge after ${this.visits} op visits (last: '${op.name}'): a transfer function is not monotone`, op.loc);
      }
      this.visit(op);
      // Drop the consumed prefix now and then so a long run does not keep every visit.
      if (head > 4096 && head * 2 > this.worklist.length) { this.worklist.splice(0, head + 1); head = -1; }
    }
    this.worklist.length = 0;
    return this;
  }

  /** The state of `v`; undefined = uninitialized (dead code, or outside the analysed root). */
  state(v: Value): S | undefined { return this.states.get(v); }
  /** True if some path from the root's entry may reach `b`. */
  isLive(b: Block): boolean { return this.liveBlocks.has(b); }

  private markLive(b: Block): void {
    if (this.liveBlocks.has(b)) return;
    this.liveBlocks.add(b);
    for (let op = b.first; op; op = op.next) this.enqueue(op);
  }

  private enqueue(op: Operation): void {
    if (this.queued.has(op) || !op.parent || !this.liveBlocks.has(op.parent)) return;
    this.queued.add(op);
    this.worklist.push(op);
  }

  /** A value's state, with values defined outside the root taken as top. */
  private operandState(v: Value): S | undefined {
    const s = this.states.get(v);
    if (s !== undefined) return s;
    const def = v instanceof BlockArgument ? v.owner.parentOp : v.definingOp;
    if (def && this.root && !this.root.isAncestorOf(def)) {
      const top = this.analysis.lattice.top(v);
      this.states.set(v, top);
      return top;
    }
    return undefined;
  }

  private visit(op: Operation): void {
    const operands: S[] = [];
    for (const o of op.operands) {
      const s = this.operandState(o.value);
      if (s === undefined) return; // revisited once the operand is initialized
      operands.push(s);
    }
    const a = this.analysis;
    for (const region of op.regions) {
      const entry = region.entry;
      if (!entry) continue;
      for (const arg of entry.args) this.joinArg(arg, a.initializeBlockArgument(arg, op, operands) ?? a.lattice.top(arg));
      this.markLive(entry);
    }
    if (op.successors.length) {
      const taken = a.successorsTaken(op, operands);
      op.successors.forEach((target, i) => {
        if (taken && !taken[i]) return;
        let edges = this.liveEdges.get(target);
        if (!edges) this.liveEdges.set(target, (edges = new Map()));
        let idx = edges.get(op);
        if (!idx) edges.set(op, (idx = new Set()));
        idx.add(i);
        this.joinIncoming(target);
        this.markLive(target);
      });
    }
    if (op.results.length) {
      const rs = a.visitOperation(op, operands);
      op.results.forEach((r, i) => this.update(r, rs?.[i] ?? a.lattice.top(r)));
    }
  }

  /** Joins into each argument of `b` the operands its live predecessors forward. */
  private joinIncoming(b: Block): void {
    const edges = this.liveEdges.get(b);
    if (!edges) return;
    b.args.forEach((arg, j) => {
      let acc: S | undefined;
      for (const [pred, indices] of edges) {
        for (const i of indices) {
          const fwd = this.analysis.successorOperands(pred, i);
          const s = fwd && fwd.length === b.args.length ? this.operandState(fwd[j]!) : this.analysis.lattice.top(arg);
          if (s !== undefined) acc = acc === undefined ? s : this.analysis.lattice.join(acc, s);
        }
      }
      if (acc !== undefined) this.joinArg(arg, acc);
    });
  }

  private setArg(arg: BlockArgument, s: S): void { this.update(arg, s); }

  /** Block-argument update: joined, and widened once it changed `widenAfter` times. */
  private joinArg(arg: BlockArgument, s: S): void {
    const l = this.analysis.lattice;
    const old = this.states.get(arg);
    if (old === undefined) return this.update(arg, s);
    let next = l.join(old, s);
    if (l.equals(old, next)) return;
    const n = (this.argChanges.get(arg) ?? 0) + 1;
    this.argChanges.set(arg, n);
    if (n > this.analysis.widenAfter) next = l.widen ? l.widen(old, next, arg) : l.top(arg);
    this.update(arg, next);
  }

  /** Raises `v`'s state to include `s`; on change, revisits its users. */
  private update(v: Value, s: S): void {
    const l = this.analysis.lattice;
    const old = this.states.get(v);
    const next = old === undefined ? s : l.join(old, s);
    if (old !== undefined && l.equals(old, next)) return;
    this.states.set(v, next);
    for (let u = v.uses, i = 0; i < u.length; i++) this.enqueue(u[i]!.owner);
  }
}
