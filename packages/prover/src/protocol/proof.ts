// The proof object. Byte layout in proof-format.ts and docs/formats.md.
import type { Ext } from "../field/index.js";
import type { Digest } from "../hash/index.js";

export interface PublicValue {
  readonly label: string;
  /** Fixed-point scale (log2); the real value is value / 2^scale (value read as signed around p/2). */
  readonly scale: number;
  readonly value: bigint;
}

export interface Opening {
  /** Leaf values: the row at x then the row at -x. */
  readonly values: readonly bigint[];
  readonly siblings: readonly Digest[];
}

export interface QueryProof {
  /** One opening per batch: fixed, advice, aux, quotient. */
  readonly batches: readonly Opening[];
  /** One opening per committed FRI layer. */
  readonly layers: readonly Opening[];
}

export interface Proof {
  readonly publics: readonly PublicValue[];
  /** Merkle caps of the advice (+ multiplicities), aux and quotient batches. */
  readonly caps: readonly (readonly Digest[])[];
  /** openings[batch][point][column]; batch order fixed, advice, aux, quotient. */
  readonly openings: readonly (readonly (readonly Ext[])[])[];
  readonly friCaps: readonly (readonly Digest[])[];
  readonly finalPoly: readonly Ext[];
  readonly nonce: bigint;
  readonly queries: readonly QueryProof[];
}

export const BATCH_NAMES = ["fixed", "advice", "aux", "quotient"] as const;
