import type { Operation } from "@zkmlir/core";
export function fuseElementwise(_root: Operation): number { return 0; }
