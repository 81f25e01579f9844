// The header every binary format starts with (circuit, witness, proof, verification key): a
// magic word naming the kind of stream, then the format version shared by all of them.

import type { ByteReader, ByteWriter } from "./bytes.js";

export const FORMAT_VERSION = 2; // 2: masked quotient split (chunks at stride n - h), more blinding rows

export function writeHeader(w: ByteWriter, magic: number): void {
  w.u32(magic);
  w.u32(FORMAT_VERSION);
}

/**
 * Fails with "not a <kind> (bad magic)" or "unsupported <versionOf> version <v>"; the two nouns
 * differ for circuits and witnesses ("circuit file", "circuit format").
 */
export function readHeader(r: ByteReader, magic: number, kind: string, versionOf: string = kind): void {
  if (r.u32("magic") !== magic) r.fail(`not a ${kind} (bad magic)`);
  const version = r.u32("version");
  if (version !== FORMAT_VERSION) r.fail(`unsupported ${versionOf} version ${version}`);
}
