import { version } from '../../../package.json';
import type { Logger } from './logger';
import { scrubSecrets } from './scrub-secrets';

/** The release Sentry groups events by: the version forte-cli --version prints. */
export const RELEASE = `forte@${version}`;

export interface ErrorReporter {
  /** A fault, with what is known of where it happened (route, request id, client; or the CLI command). */
  report(error: unknown, tags: Record<string, string | null>): void;
  flush(): Promise<void>;
}

/**
 * Unexpected errors go to Sentry when a DSN is configured, and always to the log. Events are tagged (route, request
 * id, client, release, environment) and scrubbed: no tokens, signatures, Authorization headers, cookies, request
 * bodies or e-mail addresses leave the process. The SDK is loaded only when it is used: it takes a second to load,
 * which every forte-cli command would otherwise pay.
 */
export async function createErrorReporter(options: {
  dsn?: string;
  environment: string;
  logger: Logger;
}): Promise<ErrorReporter> {
  const Sentry = options.dsn ? await import('@sentry/node') : null;
  Sentry?.init({
    dsn: options.dsn,
    environment: options.environment,
    release: RELEASE,
    sendDefaultPii: false,
    beforeSend(event) {
      if (event.request) {
        delete event.request.data;
        delete event.request.cookies;
        delete event.request.query_string;
      }
      if (event.user) event.user = { id: event.user.id };
      return scrubSecrets(event);
    },
    beforeBreadcrumb: (breadcrumb) => scrubSecrets(breadcrumb),
  });
  return {
    report(error, tags) {
      const present = Object.fromEntries(Object.entries(tags).filter((entry): entry is [string, string] => !!entry[1]));
      options.logger.error({ err: error, ...present }, 'fault');
      Sentry?.captureException(error, { tags: present });
    },
    flush: async () => {
      await Sentry?.flush(2000);
    },
  };
}
