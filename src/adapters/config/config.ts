import { z } from 'zod';
import { ConfigError } from './config-error';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/forte.sqlite';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

/** Forte's configuration, read from the environment (and `.env`) by the server and forte-cli alike. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((url) => (/^mysql:\/\/.+\/[^/]+$/.test(url) && URL.canParse(url)) || /^sqlite:.+/.test(url), {
      message: 'expected mysql://user:pass@host:port/database or sqlite:PATH',
    }),
  /** How long a statement waits for a row lock before the request is answered 503 BUSY. */
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(10_000),
  /** MySQL connections one process keeps at most: processes × this must stay under the server's max_connections. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ACCESS_LOG: z.string().min(1).default('stdout'),
  SENTRY_DSN: optionalText.pipe(z.url().optional()),
  SENTRY_ENVIRONMENT: z.string().default('production'),
  METRICS_TOKEN: optionalText,
  XSOLLA_MERCHANT_ID: optionalText,
  XSOLLA_PROJECT_ID: optionalText,
  XSOLLA_API_KEY: optionalText,
  XSOLLA_PROJECT_SECRET: optionalText,
  XSOLLA_API_URL: z.url().default('https://api.xsolla.com'),
  XSOLLA_SANDBOX: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((flag) => flag === 'true' || flag === '1'),
});

export type Config = z.infer<typeof configSchema>;

/** Parses the environment; an empty value counts as unset. Throws ConfigError naming every bad key. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
}
