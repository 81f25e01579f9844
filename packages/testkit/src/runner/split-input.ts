// `--split-input-file`: chunks separated by `// -----` lines. Each chunk is padded with the
// newlines before it so diagnostics keep the line numbers of the whole file.

export interface InputChunk {
  /** 1-based line where the chunk starts. */
  line: number;
  /** The chunk's text, preceded by blank lines up to its position in the file. */
  text: string;
}

export const SPLIT_MARKER = /^\/\/ -----\s*$/;

export function splitInputFile(text: string): InputChunk[] {
  const lines = text.split("\n");
  const out: InputChunk[] = [];
  let start = 0;
  const push = (end: number) => out.push({ line: start + 1, text: "\n".repeat(start) + lines.slice(start, end).join("\n") });
  lines.forEach((l, i) => {
    if (SPLIT_MARKER.test(l)) {
      push(i);
      start = i + 1;
    }
  });
  push(lines.length);
  return out;
}
