import { DiscordOpsWebhook } from '../../../../src/adapters/discord/discord-ops-webhook';
import { DiscordWebhookEmulator, startDiscordWebhookEmulator } from '../../../support/discord-webhook-emulator';
import { eventually } from '../../../support/eventually';

describe("ops notices through Discord's webhook API", () => {
  let discord: DiscordWebhookEmulator;
  let errors: string[];
  let notifier: DiscordOpsWebhook;

  beforeEach(async () => {
    discord = await startDiscordWebhookEmulator();
    // Each test's own list: a notifier of an earlier test may still be giving up in the background.
    const told: string[] = [];
    errors = told;
    notifier = new DiscordOpsWebhook({ url: discord.url, batchDelayMs: 50, onError: (error) => told.push(error) });
  });
  afterEach(async () => {
    await notifier.flush(1000);
    await discord.close();
  });

  it('posts a notice as an embed, coloured by severity, with its fields', async () => {
    notifier.notify({
      title: 'Xsolla payment',
      severity: 'info',
      fields: [
        { name: 'user', value: '42' },
        { name: 'points', value: '+100' },
      ],
    });
    await eventually(async () => discord.received.length === 1);
    expect(discord.received[0]?.message).toEqual({
      username: 'Forte',
      embeds: [
        {
          title: 'Xsolla payment',
          color: 0x3498db,
          fields: [
            { name: 'user', value: '42', inline: true },
            { name: 'points', value: '+100', inline: true },
          ],
          timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      ],
    });
  });

  it('batches a burst: 25 notices are 3 messages of at most 10 embeds', async () => {
    for (let n = 1; n <= 25; n += 1) notifier.notify({ title: `refund ${n}`, severity: 'warning' });
    await eventually(async () => discord.embeds().length === 25);
    expect(discord.received.map((entry) => entry.message.embeds?.length)).toEqual([10, 10, 5]);
    expect(discord.embeds().map((embed) => embed.title)).toEqual(
      Array.from({ length: 25 }, (_, n) => `refund ${n + 1}`),
    );
  });

  it("waits out a 429's retry_after, then delivers once", async () => {
    discord.rateLimitNext(2, 0.4);
    notifier.notify({ title: 'rate limited', severity: 'error' });
    await eventually(async () => discord.received.length === 1);
    const [first, second, third] = discord.calls;
    expect(discord.calls.map((call) => call.status)).toEqual([429, 429, 204]);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(380);
    expect(third!.at - second!.at).toBeGreaterThanOrEqual(380);
    expect(errors).toEqual([]);
  });

  it('keeps within Discord limits whatever it is told', async () => {
    notifier.notify({
      title: 'x'.repeat(400),
      description: 'y'.repeat(5000),
      severity: 'error',
      fields: Array.from({ length: 30 }, (_, n) => ({ name: `f${n}`, value: 'z'.repeat(2000) })),
    });
    notifier.notify({ title: 'next', severity: 'info' });
    await eventually(async () => discord.embeds().length === 2);
    expect(errors).toEqual([]);
    expect(discord.embeds()[0]?.title).toHaveLength(256);
  });

  it('never holds up its caller while Discord is slow', async () => {
    discord.setDelay(1500);
    const started = process.hrtime.bigint();
    for (let n = 0; n < 1000; n += 1) notifier.notify({ title: `payment ${n}`, severity: 'info' });
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(200);
    const flushed = process.hrtime.bigint();
    await notifier.flush(300);
    expect(Number(process.hrtime.bigint() - flushed) / 1e6).toBeLessThan(1000);
  });

  it('retries while Discord is away, then gives the notices up and says so, without the secret URL', async () => {
    discord.setDown(true);
    notifier.notify({ title: 'lost', severity: 'info' });
    await eventually(async () => errors.length === 1, 20_000);
    expect(discord.calls.map((call) => call.status)).toEqual([503, 503, 503, 503]);
    expect(errors[0]).toMatch(/dropped: Discord answered 503/);
    expect(errors[0]).not.toContain('emulated-webhook-token');
  }, 30_000);
});
