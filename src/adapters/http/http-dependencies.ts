import { Context } from 'koa';
import { AuthenticateClient } from '../../application/authenticate-client';
import { ChangePoints } from '../../application/change-points';
import { DeleteUser } from '../../application/delete-user';
import { GetReceipt } from '../../application/get-receipt';
import { GetUser } from '../../application/get-user';
import { ListReceipts } from '../../application/list-receipts';
import { RegisterUser } from '../../application/register-user';
import { UpdateUser } from '../../application/update-user';
import { MetricsExposure } from './routes/metrics-route';

/** Only `execute` is needed, so tests may hand in a plain object instead of the use case class. */
type UseCase<T extends { execute: unknown }> = Pick<T, 'execute'>;

/** Everything the HTTP adapter needs, built by the composition root. */
export interface HttpDependencies {
  registerUser: UseCase<RegisterUser>;
  getUser: UseCase<GetUser>;
  updateUser: UseCase<UpdateUser>;
  deleteUser: UseCase<DeleteUser>;
  changePoints: UseCase<ChangePoints>;
  listReceipts: UseCase<ListReceipts>;
  getReceipt: UseCase<GetReceipt>;
  authenticateClient: UseCase<AuthenticateClient>;
  /** True when the database answers; `/ready` is 503 otherwise (a throw counts as not ready). */
  isReady(): Promise<boolean>;
  /** Receives every unexpected error (a 500); the composition root sends it to Sentry. */
  reportError(error: unknown, ctx: Context): void;
  /** Receives one `forte` access-log line per request; null turns the access log off. */
  accessLog: ((line: string) => void) | null;
  /** Largest accepted request body; 64 KiB when absent. */
  bodyLimitBytes?: number;
  /** Trust `X-Forwarded-For` and `X-Forwarded-Proto` (behind a reverse proxy). */
  trustProxy?: boolean;
  /** The Prometheus registry that the request histogram joins and `GET /metrics` exposes; absent, neither exists. */
  metrics?: MetricsExposure;
}

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;
