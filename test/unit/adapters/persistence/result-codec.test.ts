import { decodeResult, encodeResult } from '../../../../src/adapters/persistence/result-codec';

describe('the stored result codec', () => {
  it('gives back what it stored, Dates as Dates at any depth', () => {
    const at = new Date('2026-11-25T09:30:15.123Z');
    const result = {
      ok: true,
      value: { receipt: { id: 12, createdAt: at, externalRef: null }, history: [at, 'text', 3, false] },
    };
    const decoded = decodeResult(encodeResult(result)) as typeof result;
    expect(decoded).toEqual(result);
    expect(decoded.value.receipt.createdAt).toBeInstanceOf(Date);
    expect(decoded.value.history[0]).toBeInstanceOf(Date);
  });

  it('stores a Date at the top level and plain JSON values', () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    expect(decodeResult(encodeResult(at))).toEqual(at);
    for (const value of [null, 0, 'x', [], {}]) expect(decodeResult(encodeResult(value))).toEqual(value);
  });

  it('refuses values it could not give back', () => {
    expect(() => encodeResult(undefined)).toThrow(/JSON value/);
    expect(() => encodeResult({ nested: { $date: '2026-01-01' } })).toThrow(/tagged date/);
  });
});
