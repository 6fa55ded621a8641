import { AuthenticateClient } from '../../application/authenticate-client';
import { ChangePoints } from '../../application/change-points';
import { CheckIn } from '../../application/check-in';
import { ConsumeUserItem } from '../../application/consume-user-item';
import { DeleteUser } from '../../application/delete-user';
import { GetAttendance } from '../../application/get-attendance';
import { GetItem } from '../../application/get-item';
import { GetReceipt } from '../../application/get-receipt';
import { GetUser } from '../../application/get-user';
import { GetUserItem } from '../../application/get-user-item';
import { ListReceipts } from '../../application/list-receipts';
import { ListSellableItems } from '../../application/list-sellable-items';
import { ListUserItems } from '../../application/list-user-items';
import { OpenBox } from '../../application/open-box';
import { PurchaseItem } from '../../application/purchase-item';
import { Clock } from '../../application/ports/clock';
import { RegisterUser } from '../../application/register-user';
import { ReviewInventory } from '../../application/review-inventory';
import { SignInWithDiscord } from '../../application/sign-in-with-discord';
import { UpdateUser } from '../../application/update-user';
import { WithdrawPurchase } from '../../application/withdraw-purchase';
import { HandleXsollaNotification } from '../../application/handle-xsolla-notification';
import { CreateCheckout } from '../../application/create-checkout';
import { OpenCheckoutLink } from '../../application/open-checkout-link';
import { EventSink } from '../../application/ports/event-sink';
import { NetworkBlock } from '../../domain/network-block';
import { HttpObserver, RequestLog } from './http-observer';
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
  listSellableItems: UseCase<ListSellableItems>;
  getItem: UseCase<GetItem>;
  purchaseItem: UseCase<PurchaseItem>;
  listUserItems: UseCase<ListUserItems>;
  getUserItem: UseCase<GetUserItem>;
  consumeUserItem: UseCase<ConsumeUserItem>;
  withdrawPurchase: UseCase<WithdrawPurchase>;
  checkIn: UseCase<CheckIn>;
  getAttendance: UseCase<GetAttendance>;
  openBox: UseCase<OpenBox>;
  authenticateClient: UseCase<AuthenticateClient>;
  handleXsollaNotification: UseCase<HandleXsollaNotification>;
  createCheckout: UseCase<CreateCheckout>;
  openCheckoutLink: UseCase<OpenCheckoutLink>;
  /** What the Xsolla webhook's admission checks before the use case sees the notification. */
  xsollaWebhooks: XsollaWebhookGate;
  /** Where refusals that never reach a use case (a webhook with a bad signature) are announced. */
  events: EventSink;
  reviewInventory: UseCase<ReviewInventory>;
  /** The user panel, or null while it is not configured: then no `/panel` route exists. */
  panel: PanelDependencies | null;
  /** True when the database answers; `/ready` is 503 otherwise (a throw counts as not ready). */
  isReady(): Promise<boolean>;
  /** Receives faults (500s), 503 refusals and protocol errors; the composition root sends them on. */
  observer: HttpObserver;
  /** Receives one `forte` access-log line per request; null turns the access log off. */
  accessLog: ((line: string) => void) | null;
  /** Matches addresses against a client's allowed networks (the matcher of Xsolla's source allow-list). */
  networkCheck(networks: NetworkBlock[]): (ip: string) => boolean;
  /** Requests per minute one client may make in this process (429 past it); absent or null, no limit. */
  rateLimitPerClient?: number | null;
  /** Receives one structured entry per request (with its request id); absent, none is written. */
  requestLog?: RequestLog;
  /** Largest accepted request body; 64 KiB when absent. */
  bodyLimitBytes?: number;
  /** Trust `X-Forwarded-For`, `X-Forwarded-Proto` and `X-Request-Id` (behind a reverse proxy). */
  trustProxy?: boolean;
  /** The Prometheus registry that the request histogram joins and `GET /metrics` exposes; absent, neither exists. */
  metrics?: MetricsExposure;
}

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

export type SignatureCheck = 'valid' | 'missing' | 'invalid';

/** The checks of Xsolla's webhook admission, built from the configuration by the composition root. */
export interface XsollaWebhookGate {
  /** Null while `XSOLLA_PROJECT_SECRET` is unset: webhooks are then answered 503, which Xsolla retries. */
  checkSignature: ((body: Buffer, authorization: string) => SignatureCheck) | null;
  /** Null when any source is allowed (no `XSOLLA_ALLOWED_IPS`). */
  allowsSource: ((ip: string) => boolean) | null;
}

/** What the user panel needs beyond the use cases every audience shares. */
export interface PanelDependencies {
  /** The Discord application's client id, named on the authorization page. */
  discordClientId: string;
  /** Discord's authorization page (`https://discord.com/oauth2/authorize`). */
  discordAuthorizeUrl: string;
  /** Where users reach Forte; Discord sends them back to `publicUrl/panel/callback`, registered as the redirect. */
  publicUrl: string;
  /** Signs the session cookies (at least 32 characters). */
  sessionSecret: string;
  signInWithDiscord: UseCase<SignInWithDiscord>;
  /** What sessions expire by. */
  clock: Clock;
}
