/** The base of the test builders: sensible defaults, overridden field by field, built as a fresh copy. */
export class Builder<T extends object> {
  constructor(protected fields: T) {}

  with(fields: Partial<T>): this {
    this.fields = { ...this.fields, ...fields };
    return this;
  }

  build(): T {
    return { ...this.fields };
  }
}

/** The instant builders stamp their records with unless a test says otherwise. */
export const BUILT_AT = new Date('2026-11-01T00:00:00Z');
