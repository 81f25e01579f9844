// Graph validation: single definition per value, every used value defined, acyclic.
// Nodes are returned in a topological order that keeps the file order where it already is one.
import { OnnxGraphError } from "../errors.js";
import { describeNode, type OnnxNode } from "./model.js";

/**
 * Check `nodes` against the values defined outside them (graph inputs, initializers) and
 * return them topologically sorted. `source` names the model in errors.
 */
export function orderNodes(nodes: readonly OnnxNode[], external: ReadonlySet<string>, source: string): OnnxNode[] {
  const producer = new Map<string, number>();
  nodes.forEach((node, i) => {
    for (const out of node.outputs) {
      if (out === "") continue;
      if (external.has(out) || producer.has(out)) {
        throw new OnnxGraphError(`${source}: ${describeNode(node, i)} redefines value '${out}'`);
      }
      producer.set(out, i);
    }
  });
  const pending = new Array<number>(nodes.length).fill(0);
  const users = nodes.map((): number[] => []);
  nodes.forEach((node, i) => {
    for (const inp of new Set(node.inputs)) {
      if (inp === "" || external.has(inp)) continue;
      const p = producer.get(inp);
      if (p === undefined) throw new OnnxGraphError(`${source}: ${describeNode(node, i)} uses undefined value '${inp}'`);
      if (p === i) throw new OnnxGraphError(`${source}: ${describeNode(node, i)} uses its own output '${inp}'`);
      pending[i]!++;
      users[p]!.push(i);
    }
  });
  if (alreadyOrdered(nodes, producer)) return [...nodes];
  // Kahn's algorithm, taking the lowest ready index first (rare path: files are usually ordered).
  const ready: number[] = [];
  pending.forEach((c, i) => { if (c === 0) ready.push(i); });
  const order: OnnxNode[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => b - a); // pop smallest index: keeps file order when it is valid
    const i = ready.pop()!;
    order.push(nodes[i]!);
    for (const u of users[i]!) if (--pending[u]! === 0) ready.push(u);
  }
  if (order.length !== nodes.length) {
    const stuck = pending.findIndex((c) => c > 0);
    throw new OnnxGraphError(`${source}: graph has a cycle through ${describeNode(nodes[stuck]!, stuck)}`);
  }
  return order;
}

function alreadyOrdered(nodes: readonly OnnxNode[], producer: ReadonlyMap<string, number>): boolean {
  return nodes.every((node, i) => node.inputs.every((inp) => {
    const p = producer.get(inp);
    return p === undefined || p < i;
  }));
}
