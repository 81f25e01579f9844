// The architecture's layering, checked on the sources: each workspace imports only workspaces
// below it, only through their public API (`@zkmlir/x`, never `@zkmlir/x/dist/...` or relative
// paths into another workspace), and the prover imports no other workspace.
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const LAYER: Record<string, number> = { core: 0, testkit: 1, dialects: 2, passes: 3, onnx: 4, assigner: 4, cli: 5, prover: -1 };

interface Ws { dir: string; name: string; layer: number }
function workspaces(): Ws[] {
  const out: Ws[] = [];
  for (const group of ["packages", "dialects", "passes"]) {
    for (const d of readdirSync(join(root, group))) {
      const pj = join(root, group, d, "package.json");
      if (!existsSync(pj)) continue;
      const name = JSON.parse(readFileSync(pj, "utf8")).name as string;
      const layer = group === "packages" ? LAYER[d] : LAYER[group];
      if (layer === undefined) throw new Error(`workspace ${group}/${d} has no layer in the layering test`);
      out.push({ dir: join(root, group, d), name, layer });
    }
  }
  return out;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (e === "dist" || e === "node_modules") continue;
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (p.endsWith(".ts")) out.push(p);
  }
  return out;
}

test("each workspace imports only downward, through public APIs", () => {
  const ws = workspaces();
  const byName = new Map(ws.map((w) => [w.name, w]));
  const problems: string[] = [];
  for (const w of ws) {
    for (const sub of ["src"]) {
      const d = join(w.dir, sub);
      if (!existsSync(d)) continue;
      for (const f of sources(d)) {
        const text = readFileSync(f, "utf8");
        for (const m of text.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
          const spec = (m[1] ?? m[2])!;
          const rel = f.slice(root.length + 1);
          if (spec.startsWith("@zkmlir/")) {
            const [scope, pkg, ...rest] = spec.split("/");
            const target = byName.get(`${scope}/${pkg}`);
            if (rest.length) problems.push(`${rel}: reaches into internals of ${spec}`);
            if (!target) { problems.push(`${rel}: imports unknown workspace ${spec}`); continue; }
            if (target === w) continue;
            if (w.layer === -1) problems.push(`${rel}: the prover must not import ${spec}`);
            else if (target.layer === -1 && w.layer < 5) problems.push(`${rel}: only the CLI may use the prover (${spec})`);
            else if (target.layer !== -1 && target.layer > w.layer) problems.push(`${rel}: imports upward (${spec})`);
            else if (target.layer !== -1 && target.layer === w.layer && w.layer !== 2 && w.layer !== 3) problems.push(`${rel}: imports a sibling workspace (${spec})`);
          } else if (spec.startsWith(".")) {
            const resolved = resolve(dirname(f), spec);
            if (!resolved.startsWith(w.dir + "/")) problems.push(`${rel}: relative import leaves its workspace (${spec})`);
          }
        }
      }
    }
  }
  expect(problems).toEqual([]);
});
