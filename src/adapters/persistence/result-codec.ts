/**
 * Stored idempotent results are JSON, but the answers they replay hold Dates (a receipt's `createdAt`), which
 * JSON would turn into strings. A Date is written as `{"$date": ISO}` and revived from that shape.
 */
const DATE_TAG = '$date';

export function encodeResult(value: unknown): string {
  const text = JSON.stringify(value, function (this: Record<string, unknown>, key: string, encoded: unknown) {
    // `encoded` is already Date#toJSON's string; the holder still has the Date itself.
    const original = this[key];
    if (original instanceof Date) return { [DATE_TAG]: original.toISOString() };
    if (looksLikeDateTag(original)) {
      throw new Error(`A stored result may not hold an object shaped like a tagged date ({"${DATE_TAG}": ...})`);
    }
    return encoded;
  });
  if (text === undefined) throw new Error('A stored result must be a JSON value, got undefined');
  return text;
}

export function decodeResult(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) =>
    looksLikeDateTag(value) && typeof value[DATE_TAG] === 'string' ? new Date(value[DATE_TAG]) : value,
  );
}

function looksLikeDateTag(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    Object.keys(value).length === 1 &&
    DATE_TAG in value
  );
}
