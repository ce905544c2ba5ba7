/** Bad input that names its field (`answers.symptom`, `outputs.0.text`); the HTTP edge answers 422. */
export class FieldError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = "FieldError";
  }
}
