import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface EmulatedLabel {
  name: string;
  color: string;
  description: string | null;
}

export interface GitHubLabelsEmulator {
  /** The API address to give as GITHUB_API_URL. */
  url: string;
  /** The repository's labels as they stand now. */
  labels: EmulatedLabel[];
  /** "METHOD /path" of every request that got past authentication. */
  requests: string[];
  close(): Promise<void>;
}

// GitHub pages at most 100 per request; a smaller page here makes a sync follow the Link header as it must there.
const PAGE = 10;

const readJson = async (request: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8'));
};

const send = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  response
    .writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    .end(JSON.stringify(body));

/**
 * A local stand-in for the labels endpoints of GitHub's REST API on one repository: list (paged, with a Link
 * header), create and update (rename through `new_name`), names matched without regard to case, colours checked,
 * and 401 "Bad credentials" for any other token.
 */
export async function startGitHubLabelsEmulator(options: {
  repo: string;
  token: string;
  labels: EmulatedLabel[];
}): Promise<GitHubLabelsEmulator> {
  const labels = options.labels.map((label) => ({ ...label }));
  const requests: string[] = [];
  const base = `/repos/${options.repo}/labels`;
  const find = (name: string) => labels.find((label) => label.name.toLowerCase() === name.toLowerCase());
  const invalid = (response: ServerResponse, field: string, code: string) =>
    send(response, 422, { message: 'Validation Failed', errors: [{ resource: 'Label', code, field }] });

  const server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (request.headers.authorization !== `Bearer ${options.token}`) {
        return send(response, 401, { message: 'Bad credentials', status: '401' });
      }
      requests.push(`${request.method} ${url.pathname}`);
      if (request.method === 'GET' && url.pathname === base) {
        const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), PAGE);
        const page = Number(url.searchParams.get('page') ?? 1);
        const headers: Record<string, string> = {};
        if (page * perPage < labels.length) {
          headers.link = `<http://${request.headers.host}${base}?per_page=${perPage}&page=${page + 1}>; rel="next"`;
        }
        return send(response, 200, labels.slice((page - 1) * perPage, page * perPage), headers);
      }
      if (request.method === 'POST' && url.pathname === base) {
        const body = await readJson(request);
        if (typeof body.name !== 'string' || find(body.name)) return invalid(response, 'name', 'already_exists');
        if (!/^[0-9a-fA-F]{6}$/.test(String(body.color))) return invalid(response, 'color', 'invalid');
        const label = { name: body.name, color: String(body.color), description: (body.description as string) ?? null };
        labels.push(label);
        return send(response, 201, label);
      }
      if (request.method === 'PATCH' && url.pathname.startsWith(`${base}/`)) {
        const label = find(decodeURIComponent(url.pathname.slice(base.length + 1)));
        if (!label) return send(response, 404, { message: 'Not Found' });
        const body = await readJson(request);
        if (typeof body.new_name === 'string') {
          const other = find(body.new_name);
          if (other && other !== label) return invalid(response, 'name', 'already_exists');
          label.name = body.new_name;
        }
        if (body.color !== undefined) {
          if (!/^[0-9a-fA-F]{6}$/.test(String(body.color))) return invalid(response, 'color', 'invalid');
          label.color = String(body.color);
        }
        if (body.description !== undefined) label.description = body.description as string;
        return send(response, 200, label);
      }
      return send(response, 404, { message: 'Not Found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    labels,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
