/** Query parameters whose values are secrets or one-time credentials (an OAuth code and state, a token pasted in). */
const SECRET_PARAMETERS = /^(?:code|state|token|access_token|api_key|apikey|key|secret|password|signature)$/i;

/** A client token as `forte-cli clients create` issues it (sha256-token-issuer.ts), wherever it is pasted. */
const CLIENT_TOKEN = /forte_[A-Za-z0-9_-]{16,}/g;

/**
 * The path and query of a request as a log may show it: a client token anywhere, and the value of any parameter
 * that may carry a secret, are replaced by `REDACTED` (the panel's sign-in callback carries Discord's code; a bot
 * may paste its token in a URL).
 */
export function redactedUrl(given: string): string {
  const url = given.replace(CLIENT_TOKEN, 'forte_REDACTED');
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return url;
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return pair;
      const name = decodeQueryName(pair.slice(0, equals));
      return SECRET_PARAMETERS.test(name) ? `${pair.slice(0, equals)}=REDACTED` : pair;
    })
    .join('&');
  return `${url.slice(0, queryAt)}?${query}`;
}

function decodeQueryName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
