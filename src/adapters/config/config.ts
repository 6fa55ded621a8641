import { z } from 'zod';
import { NetworkBlock } from '../../domain/network-block';
import { ConfigError } from './config-error';
import { parseNetworkList } from './network-list';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/forte.sqlite';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

const webAddress = z
  .url({ protocol: /^https?$/, error: 'expected an http:// or https:// address' })
  .transform((url) => url.replace(/\/+$/, ''));

/** The user panel is on once every one of these is set, and refused at start-up when only some are. */
export const PANEL_KEYS = [
  'DISCORD_CLIENT_ID',
  'DISCORD_CLIENT_SECRET',
  'DISCORD_API_URL',
  'PUBLIC_URL',
  'SESSION_SECRET',
] as const;

const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback)
    .transform((value) => value === 'true' || value === '1');

/** Xsolla's merchant and project ids: digits. */
const xsollaId = optionalText.refine((id) => id === undefined || /^[0-9]{1,20}$/.test(id), {
  message: "expected digits (Xsolla's id)",
});

/** `xsolla` (Xsolla's own networks), or a comma-separated list of addresses and CIDR blocks. */
const ipAllowList = z
  .string()
  .transform((setting, ctx): 'xsolla' | NetworkBlock[] => {
    if (setting.trim() === 'xsolla') return 'xsolla';
    const { blocks, bad } = parseNetworkList(setting);
    for (const entry of bad) ctx.addIssue({ code: 'custom', message: `not an IP address or CIDR block: "${entry}"` });
    return blocks;
  })
  .optional();

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
  /** How long opening a database connection may take before the database counts as unreachable (503). */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ACCESS_LOG: z.string().min(1).default('stdout'),
  SENTRY_DSN: optionalText.pipe(z.url().optional()),
  SENTRY_ENVIRONMENT: z.string().default('production'),
  METRICS_TOKEN: optionalText,
  XSOLLA_MERCHANT_ID: xsollaId,
  XSOLLA_PROJECT_ID: xsollaId,
  XSOLLA_API_KEY: optionalText,
  XSOLLA_PROJECT_SECRET: optionalText,
  XSOLLA_API_URL: z.url().default('https://api.xsolla.com'),
  XSOLLA_SANDBOX: flag('false'),
  /** Where Xsolla's webhooks may come from (`xsolla`: its own networks); unset, anywhere: the signature decides. */
  XSOLLA_ALLOWED_IPS: ipAllowList,
  /** How long a call to Xsolla's merchant API may take; the mirror's claims last four times as long. */
  XSOLLA_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** The balance mirror's pause between passes, and the first wait after a failure. */
  XSOLLA_MIRROR_INTERVAL_MS: z.coerce.number().int().min(10).max(3_600_000).default(1000),
  /** A Discord channel's webhook for ops notices (payments, refunds, failures, 5xx bursts); unset, none are sent. */
  DISCORD_OPS_WEBHOOK_URL: optionalText.pipe(webAddress.optional()),
  /** On SIGTERM or SIGINT, how long requests in flight may take to finish before they are cut. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Behind one reverse proxy: the client's address is the last one it adds to `X-Forwarded-For`. */
  TRUST_PROXY: flag('false'),
  /** The address users reach Forte at, for the links it hands out; `http://localhost:PORT` when unset. */
  PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  DISCORD_CLIENT_ID: optionalText,
  DISCORD_CLIENT_SECRET: optionalText,
  /** Discord's API (`https://discord.com/api/v10`); its authorization page is `/oauth2/authorize` on the same host. */
  DISCORD_API_URL: optionalText.pipe(webAddress.optional()),
  /** Signs the panel's cookies; changing it signs every panel user out. */
  SESSION_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  /** Requests one client (bot token) may make per minute in each process; unset, no limit. */
  RATE_LIMIT_PER_CLIENT: z.coerce.number().int().min(1).max(1_000_000).optional(),
  /** How long a client may take to send a request's headers (408). */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** How long a client may take to send a whole request, headers and body (408); at least the headers' time. */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** How long an idle keep-alive connection stays open for its next request. */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
});

export type Config = Omit<z.infer<typeof configSchema>, 'PUBLIC_URL'> & { PUBLIC_URL: string };

/** The panel's settings, or null while it is off (none of its keys set; PUBLIC_URL alone serves other links). */
export interface PanelConfig {
  discordClientId: string;
  discordClientSecret: string;
  discordApiUrl: string;
  publicUrl: string;
  sessionSecret: string;
}

export function panelConfigOf(config: Config): PanelConfig | null {
  const { DISCORD_CLIENT_ID, DISCORD_CLIENT_SECRET, DISCORD_API_URL, PUBLIC_URL, SESSION_SECRET } = config;
  if (!DISCORD_CLIENT_ID || !DISCORD_CLIENT_SECRET || !DISCORD_API_URL || !SESSION_SECRET) return null;
  return {
    discordClientId: DISCORD_CLIENT_ID,
    discordClientSecret: DISCORD_CLIENT_SECRET,
    discordApiUrl: DISCORD_API_URL,
    publicUrl: PUBLIC_URL,
    sessionSecret: SESSION_SECRET,
  };
}

/** One problem naming the missing keys when the panel is partly configured; none when it is fully set or off. */
function panelProblems(env: Record<string, string | undefined>): string[] {
  const isSet = (key: string): boolean => (env[key]?.trim() ?? '') !== '';
  const missing = PANEL_KEYS.filter((key) => !isSet(key));
  const started = PANEL_KEYS.some((key) => key !== 'PUBLIC_URL' && isSet(key));
  if (!started || missing.length === 0) return [];
  return [
    `${missing.join(', ')}: missing; the user panel needs ${PANEL_KEYS.join(', ')} together (unset the others to leave it off)`,
  ];
}

/** Parses the environment; an empty value counts as unset. Throws ConfigError naming every bad key. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(present);
  const problems = [
    ...(parsed.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? []),
    ...panelProblems(present),
    ...(parsed.success && parsed.data.HTTP_REQUEST_TIMEOUT_MS < parsed.data.HTTP_HEADERS_TIMEOUT_MS
      ? ['HTTP_REQUEST_TIMEOUT_MS: must be at least HTTP_HEADERS_TIMEOUT_MS (a request includes its headers)']
      : []),
  ];
  if (parsed.success && problems.length === 0) {
    const { PUBLIC_URL, PORT } = parsed.data;
    return { ...parsed.data, PUBLIC_URL: (PUBLIC_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, '') };
  }
  throw new ConfigError(problems);
}
