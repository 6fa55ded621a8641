import { canonicalJson } from '../../../src/adapters/http/canonical-json';

describe('canonicalJson', () => {
  it('gives equal values the same text whatever the order of their keys, at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { x: 2, y: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('keeps arrays in order and tells different values apart', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
    expect(canonicalJson({ points: 10 })).not.toBe(canonicalJson({ points: 11 }));
    expect(canonicalJson({ params: { id: 1 }, body: undefined })).toBe('{"params":{"id":1}}');
  });
});
