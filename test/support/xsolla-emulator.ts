import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { sendSignedWebhook, WebhookReply } from '../../src/adapters/xsolla/webhook-sender';
import { aimedFixture } from './xsolla-webhooks';
import {
  aPaidTransaction,
  EmulatedTransaction,
  searchEntry,
  selectTransactions,
  transactionsCsv,
} from './xsolla-emulator-reports';

/** One call to the merchant API, as the emulator saw it. */
export interface EmulatorCall {
  method: string;
  path: string;
  body: unknown;
  /** 0 when the emulator never answered it (hang). */
  status: number;
}

/** What goes wrong, until `recover()`: every merchant call fails, never answers, or answers late (applied first). */
export type EmulatorFault =
  { kind: 'fail'; status: number } | { kind: 'hang' } | { kind: 'slow'; ms: number; only: RegExp | null };

export interface EmulatorOptions {
  merchantId?: string;
  projectId?: string;
  apiKey?: string;
  secret?: string;
  /** Where its webhooks go (refunds requested through the API, payments made with `pay`). */
  webhookUrl?: string;
  port?: number;
}

/** A balance operation of a wallet, as Xsolla lists them. */
interface WalletOperation {
  userId: string;
  type: 'payment' | 'refund' | 'internal';
  amount: number;
  balance: number;
  at: Date;
}

type Handler = (match: RegExpExecArray, request: { query: URLSearchParams; body: unknown }) => Answer | Promise<Answer>;
type Answer = { status: number; body?: unknown; text?: string };

/**
 * A local Xsolla for tests and `make dev`: the merchant API routes of XSOLLA.md with their paths, Basic auth and
 * JSON shapes, wallets and transactions in memory, faults on demand, a record of every call, and signed webhooks
 * built from Xsolla's own payloads (test/fixtures/xsolla).
 */
export class XsollaEmulator {
  readonly calls: EmulatorCall[] = [];
  readonly wallets = new Map<string, number>();
  readonly operations: WalletOperation[] = [];
  readonly transactions: EmulatedTransaction[] = [];
  readonly tokens = new Map<string, { userId: string; sandbox: boolean }>();
  webhookUrl: string | null;
  private fault: EmulatorFault | null = null;
  private readonly waiters: { matches: (call: EmulatorCall) => boolean; resolve: () => void }[] = [];
  /** Answers held back by `slow`, let go when the emulator closes. */
  private readonly delayed = new Set<() => void>();
  private readonly routes: [string, RegExp, Handler][];
  private nextTransactionId = 774_000_001;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly merchantId: string,
    readonly projectId: string,
    readonly apiKey: string,
    readonly secret: string,
    webhookUrl: string | null,
  ) {
    this.webhookUrl = webhookUrl;
    const merchant = `/merchant/v2/merchants/${merchantId}`;
    const user = `/merchant/v2/projects/${projectId}/users/([^/]+)`;
    const reports = `${merchant}/reports/transactions`;
    this.routes = [
      ['POST', new RegExp(`^${merchant}/token$`), (_match, request) => this.createToken(request.body)],
      ['GET', new RegExp(`^${user}$`), (match) => this.walletUser(decodeURIComponent(match[1] ?? ''))],
      [
        'POST',
        new RegExp(`^${user}/recharge$`),
        (match, request) => this.recharge(decodeURIComponent(match[1] ?? ''), request.body),
      ],
      [
        'GET',
        new RegExp(`^${user}/transactions$`),
        (match) => this.walletOperations(decodeURIComponent(match[1] ?? '')),
      ],
      [
        'GET',
        new RegExp(`^${reports}/search\\.(json|csv)$`),
        (match, request) => this.search(match[1] ?? 'json', request.query),
      ],
      [
        'GET',
        new RegExp(`^${reports}/registry\\.(json|csv)$`),
        (match, request) => this.search(match[1] ?? 'json', request.query),
      ],
      ['GET', new RegExp(`^${reports}/simple_search$`), (_match, request) => this.search('json', request.query)],
      [
        'PUT',
        new RegExp(`^${reports}/([0-9]+)/refund$`),
        (match, request) => this.refund(Number(match[1]), request.body, null),
      ],
      [
        'PUT',
        new RegExp(`^${reports}/([0-9]+)/partial_refund$`),
        (match, request) =>
          this.refund(Number(match[1]), request.body, (request.body as { refund_amount?: unknown }).refund_amount),
      ],
    ];
    server.on('request', (request, response) => void this.serve(request, response));
  }

  static async start(options: EmulatorOptions = {}): Promise<XsollaEmulator> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new XsollaEmulator(
      server,
      url,
      options.merchantId ?? '2340',
      options.projectId ?? '18404',
      options.apiKey ?? 'emulator-api-key',
      options.secret ?? 'emulator-project-secret',
      options.webhookUrl ?? null,
    );
  }

  /** The configuration a Forte needs to use this emulator as its Xsolla. */
  env(): Record<string, string> {
    return {
      XSOLLA_API_URL: this.url,
      XSOLLA_MERCHANT_ID: this.merchantId,
      XSOLLA_PROJECT_ID: this.projectId,
      XSOLLA_API_KEY: this.apiKey,
      XSOLLA_PROJECT_SECRET: this.secret,
    };
  }

  failWith(status: number): void {
    this.fault = { kind: 'fail', status };
  }

  hang(): void {
    this.fault = { kind: 'hang' };
  }

  /**
   * Applies each call (or each whose path matches `only`) at once but answers it `ms` later: a client that gives up
   * first never learns it applied.
   */
  slow(ms: number, only: RegExp | null = null): void {
    this.fault = { kind: 'slow', ms, only };
  }

  recover(): void {
    this.fault = null;
  }

  /** The amounts of the recharges of a user's wallet that were applied, in order. */
  recharges(userId: number | string): number[] {
    return this.operations
      .filter((operation) => operation.userId === String(userId) && operation.type === 'internal')
      .map((operation) => operation.amount);
  }

  /** Resolves when a call of this method and path (a regular expression) starts. */
  nextCall(method: string, path: RegExp): Promise<void> {
    return new Promise((resolve) =>
      this.waiters.push({ matches: (call) => call.method === method && path.test(call.path), resolve }),
    );
  }

  /**
   * A user pays for points (and items) in the Pay Station: a transaction, the points credited to Xsolla's copy of
   * the wallet as Xsolla does, and the `payment` webhook to `webhookUrl`.
   */
  async pay(
    userId: number,
    purchase: { points: number; items?: { sku: string; amount: number }[] },
  ): Promise<{
    transactionId: string;
    reply: WebhookReply;
  }> {
    const transaction = aPaidTransaction({
      id: this.nextTransactionId++,
      userId,
      points: purchase.points,
      items: purchase.items ?? [],
    });
    this.transactions.push(transaction);
    this.move(transaction.userId, 'payment', transaction.points);
    const reply = await this.sendFixture('payment', userId, String(transaction.id), {
      'purchase.virtual_currency.quantity': transaction.points,
      'purchase.virtual_items.items': transaction.items,
      'payment_details.payment': { currency: transaction.currency, amount: transaction.amount },
    });
    return { transactionId: String(transaction.id), reply };
  }

  /** Signs and posts a fixture aimed at a user and an id to `webhookUrl`. */
  sendFixture(
    name: Parameters<typeof aimedFixture>[0],
    userId: number | string,
    id: string,
    fields: Record<string, unknown> = {},
  ): Promise<WebhookReply> {
    if (!this.webhookUrl) throw new Error('The emulator has no webhookUrl to send to');
    return sendSignedWebhook(this.webhookUrl, Buffer.from(aimedFixture(name, userId, id, fields)), this.secret);
  }

  close(): Promise<void> {
    this.fault = null;
    for (const release of this.delayed) release();
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const text = await readBody(request);
    const body = parsed(text);
    const controlled = this.control(request.method ?? 'GET', url.pathname, body);
    if (controlled) {
      const answer = await controlled;
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      return;
    }
    const call: EmulatorCall = { method: request.method ?? 'GET', path: url.pathname, body, status: 0 };
    this.calls.push(call);
    for (const waiter of this.waiters.filter((candidate) => candidate.matches(call))) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    const fault = this.fault;
    if (fault?.kind === 'hang') return; // the client gives up on its own
    let answer: Answer;
    if (fault?.kind === 'fail')
      answer = { status: fault.status, body: { http_status_code: fault.status, message: 'Emulated failure' } };
    else if (
      request.headers.authorization !== `Basic ${Buffer.from(`${this.merchantId}:${this.apiKey}`).toString('base64')}`
    ) {
      answer = { status: 401, body: { http_status_code: 401, message: 'Authorization failed' } };
    } else answer = await this.route(call.method, url, body);
    if (fault?.kind === 'slow' && (fault.only?.test(call.path) ?? true)) await this.delay(fault.ms);
    call.status = answer.status;
    if (response.destroyed) return;
    response.statusCode = answer.status;
    if (answer.text !== undefined) {
      response.setHeader('content-type', 'text/csv');
      response.end(answer.text);
    } else if (answer.body !== undefined) {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(answer.body));
    } else response.end();
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const release = (): void => {
        clearTimeout(timer);
        this.delayed.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.delayed.add(release);
    });
  }

  /** `make dev`'s controls, without auth: a user pays (`{"user_id", "points"}`), or the wallets are listed. */
  private control(method: string, path: string, body: unknown): Answer | Promise<Answer> | null {
    if (method === 'GET' && path === '/_emulator/wallets')
      return { status: 200, body: Object.fromEntries(this.wallets) };
    if (method !== 'POST' || path !== '/_emulator/pay') return null;
    const { user_id: userId, points } = (body ?? {}) as { user_id?: unknown; points?: unknown };
    if (typeof userId !== 'number' || typeof points !== 'number') return invalid('{"user_id": N, "points": N}');
    return this.pay(userId, { points }).then(({ transactionId, reply }) => ({
      status: 200,
      body: { transaction_id: transactionId, forte: reply },
    }));
  }

  private route(method: string, url: URL, body: unknown): Answer | Promise<Answer> {
    for (const [routeMethod, pattern, handle] of this.routes) {
      const match = pattern.exec(url.pathname);
      if (match && routeMethod === method) return handle(match, { query: url.searchParams, body });
    }
    return { status: 404, body: { http_status_code: 404, message: `No route ${method} ${url.pathname}` } };
  }

  private createToken(body: unknown): Answer {
    const request = body as {
      user?: { id?: { value?: unknown } };
      settings?: { project_id?: unknown; mode?: unknown };
    } | null;
    const userId = request?.user?.id?.value;
    if (typeof userId !== 'string' || userId === '') return invalid('user.id.value is required');
    if (request?.settings?.project_id !== Number(this.projectId)) return invalid('settings.project_id is wrong');
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { userId, sandbox: request.settings.mode === 'sandbox' });
    return { status: 200, body: { token } };
  }

  private walletUser(userId: string): Answer {
    return {
      status: 200,
      body: { user_id: userId, virtual_currency_balance: { value: String(this.wallets.get(userId) ?? 0) } },
    };
  }

  private recharge(userId: string, body: unknown): Answer {
    const amount = (body as { amount?: unknown } | null)?.amount;
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) return invalid('amount must be a whole number');
    const balance = (this.wallets.get(userId) ?? 0) + amount;
    if (balance < 0) return invalid(`the balance would be ${balance}`);
    this.move(userId, 'internal', amount);
    return { status: 200, body: { amount: balance } };
  }

  private walletOperations(userId: string): Answer {
    const listed = this.operations
      .filter((operation) => operation.userId === userId)
      .map((operation) => ({
        date: operation.at.toISOString(),
        transaction_type: operation.type,
        amount: operation.amount,
        user_balance: operation.balance,
      }));
    return { status: 200, body: listed };
  }

  private search(format: string, query: URLSearchParams): Answer {
    const picked = selectTransactions(this.transactions, query);
    if (format === 'csv') return { status: 200, text: transactionsCsv(picked) };
    return { status: 200, body: picked.map((transaction) => searchEntry(transaction, this.projectId)) };
  }

  /** A refund requested through the API: the transaction is canceled, Xsolla's wallet takes the points back. */
  private async refund(id: number, body: unknown, partialAmount: unknown): Promise<Answer> {
    const description = (body as { description?: unknown } | null)?.description;
    if (typeof description !== 'string' || description === '') return invalid('description is required');
    const transaction = this.transactions.find((candidate) => candidate.id === id);
    if (!transaction) return { status: 404, body: { http_status_code: 404, message: 'Transaction not found' } };
    if (transaction.status !== 'done') return invalid('The transaction cannot be refunded');
    if (partialAmount === undefined || partialAmount === null) {
      transaction.status = 'canceled';
      transaction.refundReason = description;
      this.move(transaction.userId, 'refund', -(transaction.points - transaction.refundedPoints));
      if (this.webhookUrl) await this.sendFixture('refund', transaction.userId, String(id));
    } else if (this.webhookUrl) {
      await this.sendFixture('partial_refund', transaction.userId, String(id), {
        'refund_details.reason': description,
      });
    }
    return { status: 204 };
  }

  private move(userId: string, type: WalletOperation['type'], amount: number): void {
    const balance = (this.wallets.get(userId) ?? 0) + amount;
    this.wallets.set(userId, balance);
    this.operations.push({ userId, type, amount, balance, at: new Date() });
  }
}

const invalid = (message: string): Answer => ({
  status: 422,
  body: { http_status_code: 422, message: 'Invalid parameter', extended_message: { global_errors: [message] } },
});

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => resolve(text));
    request.on('error', () => resolve(text));
  });
}

function parsed(text: string): unknown {
  try {
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return text;
  }
}
