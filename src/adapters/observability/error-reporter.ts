import type { Logger } from './logger';

export interface ErrorReporter {
  report(error: unknown, context: { method: string; route: string }): void;
  flush(): Promise<void>;
}

const SECRET_HEADERS = ['authorization', 'cookie', 'idempotency-key'];

/**
 * Unexpected errors go to Sentry when a DSN is configured, and always to the log. Events carry the request's
 * method and route, never its tokens, signatures or e-mail addresses. The SDK is loaded only when it is used:
 * it takes a second to load, which every forte-cli command would otherwise pay.
 */
export async function createErrorReporter(options: {
  dsn?: string;
  environment: string;
  release: string;
  logger: Logger;
}): Promise<ErrorReporter> {
  const Sentry = options.dsn ? await import('@sentry/node') : null;
  if (Sentry) {
    Sentry.init({
      dsn: options.dsn,
      environment: options.environment,
      release: options.release,
      sendDefaultPii: false,
      beforeSend(event) {
        const headers = event.request?.headers;
        if (headers)
          for (const name of Object.keys(headers))
            if (SECRET_HEADERS.includes(name.toLowerCase())) delete headers[name];
        if (event.request) delete event.request.data;
        if (event.user) delete event.user.email;
        return event;
      },
    });
  }
  return {
    report(error, context) {
      options.logger.error({ err: error, method: context.method, route: context.route }, 'fault');
      Sentry?.captureException(error, { tags: { method: context.method, route: context.route } });
    },
    flush: async () => {
      await Sentry?.flush(2000);
    },
  };
}
