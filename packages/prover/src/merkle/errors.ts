/** Invalid Merkle tree construction or verification parameters. */
export class MerkleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MerkleError";
  }
}
