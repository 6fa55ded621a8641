const FILTERED = '[Filtered]';

/** Keys whose values are secrets or personal data wherever they appear. */
const SECRET_KEY = /authorization|cookie|token|secret|password|passwd|signature|api[-_]?key|idempotency|e-?mail/i;

/** Secrets and personal data inside free text: error messages, SQL with its bindings, URLs, breadcrumbs. */
const SECRET_TEXT: [RegExp, string][] = [
  [/\b(Bearer|Basic|Signature)\s+[^\s"',;]+/gi, `$1 ${FILTERED}`],
  // Forte's bot tokens, and digests as long as a SHA-1 or longer (token hashes, Xsolla's signatures).
  [/\bforte_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, FILTERED],
  [/\b[0-9a-f]{40,}\b/gi, FILTERED],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, FILTERED],
  [/([?&](?:token|secret|signature|key|code|state|email)=)[^&\s#"']*/gi, `$1${FILTERED}`],
];

export function scrubText(text: string): string {
  return SECRET_TEXT.reduce((scrubbed, [pattern, replacement]) => scrubbed.replace(pattern, replacement), text);
}

/**
 * A copy of `value` (a Sentry event or breadcrumb) with every secret key's value and every secret-looking piece of
 * text replaced by `[Filtered]`. Plain data only: what the SDK sends is JSON.
 */
export function scrubSecrets<T>(value: T): T {
  return scrub(value, 0) as T;
}

function scrub(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object' || depth > 20) return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SECRET_KEY.test(key) && item !== null && item !== undefined ? FILTERED : scrub(item, depth + 1),
    ]),
  );
}
