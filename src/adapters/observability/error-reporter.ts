import * as Sentry from '@sentry/node';

export interface ErrorReporter {
  report(error: unknown, context: { method: string; route: string }): void;
  flush(): Promise<void>;
}

const SECRET_HEADERS = ['authorization', 'cookie', 'idempotency-key'];

/**
 * Unexpected errors go to Sentry when a DSN is configured, and always to stderr. Events carry the request's
 * method and route, never its tokens, signatures or e-mail addresses.
 */
export function createErrorReporter(options: { dsn?: string; environment: string; release: string }): ErrorReporter {
  if (options.dsn) {
    Sentry.init({
      dsn: options.dsn,
      environment: options.environment,
      release: options.release,
      sendDefaultPii: false,
      beforeSend(event) {
        const headers = event.request?.headers;
        if (headers) for (const name of Object.keys(headers)) if (SECRET_HEADERS.includes(name.toLowerCase())) delete headers[name];
        if (event.request) delete event.request.data;
        if (event.user) delete event.user.email;
        return event;
      },
    });
  }
  return {
    report(error, context) {
      process.stderr.write(`forte: ${context.method} ${context.route}: ${(error as Error)?.stack ?? String(error)}\n`);
      if (options.dsn) Sentry.captureException(error, { tags: { method: context.method, route: context.route } });
    },
    flush: async () => {
      if (options.dsn) await Sentry.flush(2000);
    },
  };
}
