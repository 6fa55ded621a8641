import { Clock } from '../../../src/application/ports/clock';
import { RandomSource } from '../../../src/application/ports/random-source';
import { SCOPES } from '../../../src/domain/scope';
import { startTestApp, TestApp } from '../../support/test-app';
import { ApiAnswer, ApiClient } from './api-client';
import { aDiscordId } from './discord-ids';

export interface ApiSession {
  app: TestApp;
  /** A bot holding every scope, speaking `Authorization: Bearer <token>`. */
  bot: ApiClient;
  /** Registers a fresh user and returns it as the API answered it. */
  registerUser(name?: string): Promise<ApiAnswer['body']>;
}

/**
 * Starts a test app (its own MariaDB database) before the file's tests and closes it after them; a test of time
 * or chance hands in the clock or random source the app runs on.
 */
export function useApiSession(options: { clock?: Clock; random?: RandomSource } = {}): ApiSession {
  const session = {} as ApiSession;
  beforeAll(async () => {
    session.app = await startTestApp(options);
    session.bot = ApiClient.bearer(session.app.baseUrl, await session.app.createClient('lara-bot', [...SCOPES]));
    session.registerUser = async (name = 'lara') => {
      const registered = await session.bot.post('/users', { discord_id: aDiscordId(), name });
      expect(registered.status).toBe(201);
      return registered.body;
    };
  });
  afterAll(() => session.app?.close());
  return session;
}
