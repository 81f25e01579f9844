/** A column of base-field elements; kernels write canonical values and accept any u64 (read mod p). */
export type FVec = BigUint64Array;
/** A column of cubic-extension elements, one base column per coefficient (c0 + c1 x + c2 x^2). */
export interface EVec {
  c0: FVec;
  c1: FVec;
  c2: FVec;
}
