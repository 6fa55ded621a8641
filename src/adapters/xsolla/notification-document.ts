import { isLosslessNumber, parse, stringify } from 'lossless-json';

/**
 * A notification's JSON with some fields set by their dotted path (`user.id`, `transaction.id`); every number of
 * the document keeps all its digits, as Xsolla's ids need. A path through a missing object creates it.
 */
export function withFields(text: string, fields: Record<string, unknown>): string {
  const document = parse(text);
  if (!isObject(document)) throw new Error('a notification is a JSON object');
  for (const [path, value] of Object.entries(fields)) {
    const names = path.split('.');
    const last = names.pop();
    if (!last || names.some((name) => name === '')) throw new Error(`not a field path: ${path}`);
    let holder = document;
    for (const name of names) {
      const next = holder[name];
      holder[name] = isObject(next) ? next : {};
      holder = holder[name] as Record<string, unknown>;
    }
    holder[last] = value;
  }
  return stringify(document, undefined, 2) ?? '';
}

/** A field's value as an operator writes it: JSON when it reads as JSON (numbers to their last digit), else text. */
export function fieldValue(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return text;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !isLosslessNumber(value);
