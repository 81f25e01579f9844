export { MerkleTree, type Column, type MerkleOpening, type MerkleOptions } from "./merkle-tree.js";
export { verifyMerklePath } from "./verify.js";
export { MerkleError } from "./errors.js";
export { type MerkleKernels, tsMerkleKernels, merkleKernels, setMerkleKernels } from "./backend.js";
