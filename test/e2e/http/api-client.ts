/** What the API answered: the status, the headers and the body parsed as JSON (null when empty). */
export interface ApiAnswer {
  status: number;
  headers: Headers;
  // Tests read wire JSON field by field; `any` keeps those reads short, and the assertions check the shapes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface RequestOptions {
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  /** Sent as is, for bodies that are not valid JSON. */
  raw?: string;
  headers?: Record<string, string>;
}

/** A bot talking to the API: one base URL, one `Authorization` header value (or none). */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly authorization: string | null,
  ) {}

  /** A client that sends `Authorization: Bearer <token>`. */
  static bearer(baseUrl: string, token: string): ApiClient {
    return new ApiClient(baseUrl, `Bearer ${token}`);
  }

  get(path: string, options: RequestOptions = {}): Promise<ApiAnswer> {
    return this.request('GET', path, options);
  }

  post(path: string, json: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
    return this.request('POST', path, { json, headers });
  }

  patch(path: string, json: unknown): Promise<ApiAnswer> {
    return this.request('PATCH', path, { json });
  }

  delete(path: string): Promise<ApiAnswer> {
    return this.request('DELETE', path);
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<ApiAnswer> {
    const headers: Record<string, string> = { ...(this.authorization ? { authorization: this.authorization } : {}) };
    if (options.json !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { ...headers, ...options.headers },
      body: options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json)),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? null : JSON.parse(text) };
  }
}
