export { type Digest, DIGEST_BYTES, HashError, hashFieldElems, hashTwo, digestEq, digestToHex, fieldElemsToWords } from "./digest.js";
export { blake3Bytes, blake3Words } from "./blake3.js";
export { compress as blake3Compress } from "./blake3-compress.js";
