import { Command, Option } from 'commander';
import { parseNetworkList } from '../../adapters/config/network-list';
import { CLIENT_NAME_PATTERN, Client } from '../../domain/client';
import { NetworkBlock, networkText } from '../../domain/network-block';
import { isScope, Scope, SCOPES } from '../../domain/scope';
import { usageError } from '../cli-error';
import { confirmDestruction } from '../confirm-destruction';
import { failureError } from '../failure-exits';
import { printTable } from '../print-table';
import { scopeHelp } from '../scope-help';
import { withRuntime } from '../with-runtime';

function parseScopes(list: string | undefined): Scope[] {
  if (!list) throw usageError(`--scopes is required: a comma-separated list of ${SCOPES.join(', ')}`);
  const scopes = list
    .split(',')
    .map((scope) => scope.trim())
    .filter(Boolean);
  const unknown = scopes.filter((scope) => !isScope(scope));
  if (unknown.length > 0 || scopes.length === 0) {
    throw usageError(`unknown scope(s) ${unknown.join(', ') || '(none given)'}; known: ${SCOPES.join(', ')}`);
  }
  return scopes as Scope[];
}

function parseName(name: string): string {
  if (!CLIENT_NAME_PATTERN.test(name)) throw usageError('a client name is 1-64 letters, digits, ".", "_" or "-"');
  return name;
}

/** `any`, or a comma-separated list of addresses and CIDR blocks (the syntax of XSOLLA_ALLOWED_IPS). */
function parseNetworks(list: string): NetworkBlock[] | null {
  if (list.trim() === 'any') return null;
  const { blocks, bad } = parseNetworkList(list);
  if (bad.length > 0 || blocks.length === 0) {
    throw usageError(
      `not an IP address or CIDR block: ${bad.map((entry) => `"${entry}"`).join(', ') || '(none given)'}; ` +
        'give e.g. 203.0.113.7,10.0.0.0/8 or any',
    );
  }
  return blocks;
}

const describeClient = (client: Client) => ({
  name: client.name,
  scopes: client.scopes,
  created_at: client.createdAt.toISOString(),
  revoked_at: client.revokedAt?.toISOString() ?? null,
  allowed_networks: client.allowedNetworks?.map(networkText) ?? null,
});

export function registerClientsCommand(program: Command): void {
  const clients = program.command('clients').description('Manage the bots (API clients) and their tokens');

  clients
    .command('create <name>')
    .description('Create a client; its token is printed this once and only its hash is stored')
    .option('--scopes <list>', 'comma-separated scopes (listed below)')
    .option('--json', 'print {"name", "scopes", "token"}')
    .addOption(new Option('--token-only', 'print the token alone, for TOKEN=$(...)').conflicts('json'))
    .addHelpText('after', `\n${scopeHelp()}`)
    .action(async (name: string, options: { scopes?: string; json?: boolean; tokenOnly?: boolean }) => {
      const input = { name: parseName(name), scopes: parseScopes(options.scopes) };
      await withRuntime(async (runtime) => {
        const result = await runtime.useCases.createClient.execute(input);
        if (!result.ok) throw failureError(result.failure, input.name);
        const { client, token } = result.value;
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ name: client.name, scopes: client.scopes, token })}\n`);
        } else if (options.tokenOnly) {
          process.stdout.write(`${token}\n`);
        } else {
          process.stdout.write(
            `Created client ${client.name} with scopes ${client.scopes.join(', ')}.\n` +
              `Token (shown once, store it now):\n${token}\n`,
          );
        }
      });
    });

  clients
    .command('list')
    .description('List the clients, revoked ones included')
    .option('--json', 'print a JSON array')
    .action(async (options: { json?: boolean }) => {
      await withRuntime(async (runtime) => {
        const list = (await runtime.useCases.listClients.execute()).map(describeClient);
        if (options.json) process.stdout.write(`${JSON.stringify(list)}\n`);
        else
          printTable(
            ['name', 'scopes', 'created_at', 'revoked_at', 'allowed_networks'],
            list.map((c) => [
              c.name,
              c.scopes.join(','),
              c.created_at,
              c.revoked_at ?? '',
              c.allowed_networks?.join(',') ?? 'any',
            ]),
          );
      });
    });

  clients
    .command('allow <name> <networks>')
    .description(
      'Set where a client may call from: addresses and CIDR blocks, comma-separated (e.g. 203.0.113.7,10.0.0.0/8), ' +
        'or any; elsewhere its requests are answered 403 ADDRESS_NOT_ALLOWED, in every process within 1 s',
    )
    .option('--json', 'print the client')
    .action(async (given: string, list: string, options: { json?: boolean }) => {
      const input = { name: parseName(given), allowedNetworks: parseNetworks(list) };
      await withRuntime(async (runtime) => {
        const result = await runtime.useCases.restrictClient.execute(input);
        if (!result.ok) throw failureError(result.failure, input.name);
        const client = describeClient(result.value);
        process.stdout.write(
          options.json
            ? `${JSON.stringify(client)}\n`
            : `${client.name} may call from ${client.allowed_networks?.join(', ') ?? 'anywhere'}.\n`,
        );
      });
    });

  clients
    .command('revoke <name>')
    .description("Revoke a client's token at once; a revoked token cannot be restored")
    .option('--json', 'print the revoked client')
    .option('--yes', 'revoke without asking (required when not on a terminal)')
    .action(async (given: string, options: { json?: boolean; yes?: boolean }) => {
      const name = parseName(given);
      await withRuntime(async (runtime) => {
        const existing = (await runtime.useCases.listClients.execute()).find((c) => c.name === name);
        if (!existing) throw failureError({ type: 'ClientNotFound' }, name);
        // Revoking twice keeps the first time and destroys nothing more: no need to ask.
        if (!existing.revokedAt) {
          await confirmDestruction(`revoking ${name} stops its token for good, in every process within 1 s`, options);
        }
        const result = await runtime.useCases.revokeClient.execute({ name });
        if (!result.ok) throw failureError(result.failure, name);
        const client = describeClient(result.value);
        process.stdout.write(
          options.json ? `${JSON.stringify(client)}\n` : `Revoked ${client.name} at ${client.revoked_at}.\n`,
        );
      });
    });
}
