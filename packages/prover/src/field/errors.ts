/** Raised for invalid arithmetic requests (inverse of zero, bad sizes, out-of-range parameters). */
export class FieldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FieldError";
  }
}
