import { HOUR_MS } from '../../../src/domain/duration';
import { FixedClock } from '../../support/fixed-clock';
import { PanelMember, usePanelSession } from './panel-session';
import { PanelVisitor } from './panel-visitor';

const clock = new FixedClock(new Date('2026-11-10T03:00:00Z')); // 12:00 in Seoul
const session = usePanelSession({ clock });

async function signedIn(member: PanelMember): Promise<PanelVisitor> {
  const visitor = session.visitor();
  expect((await visitor.signIn(member.account)).status).toBe(303);
  await visitor.get('/panel/items');
  return visitor;
}

/** The user item's card on the inventory page. */
const cardOf = (html: string, userItemId: number): string =>
  new RegExp(`<li class="card item" data-user-item="${userItemId}"[\\s\\S]*?</li>`).exec(html)?.[0] ?? '';

describe('the panel: balance, ledger and inventory of the signed-in user', () => {
  beforeEach(() => clock.set('2026-11-10T03:00:00Z'));

  it('shows the balance and the ledger newest first, 20 receipts a page', async () => {
    const member = await session.member(5);
    for (let grant = 1; grant <= 21; grant += 1)
      await session.bot.post(`/users/${member.userId}/points`, { points: 1 });
    const visitor = await signedIn(member);
    const first = await visitor.get('/panel');
    expect(first.html).toContain('data-balance="26"');
    expect(first.html.match(/data-receipt="/g)).toHaveLength(20);
    expect(first.html).not.toContain('Back to the newest');
    const older = /href="(\/panel\?cursor=[^"]+)">Older entries/.exec(first.html)?.[1] ?? '';
    const second = await visitor.get(older.replace(/&amp;/g, '&'));
    expect(second.status).toBe(200);
    expect(second.html.match(/data-receipt="/g)).toHaveLength(2);
    expect(second.html).toContain('href="/panel">Back to the newest');
    expect(second.html).not.toContain('Older entries');
    expect((await visitor.get('/panel?cursor=forged')).status).toBe(400);
  });

  it('offers 청약철회 on an eligible item and shows why on the others', async () => {
    const member = await session.member(500);
    const eligible = await session.buy(member, { name: 'Golden key' });
    const notWithdrawable = await session.buy(member, { withdrawable: false });
    const consumed = await session.buy(member);
    await session.bot.request('PUT', `/users/${member.userId}/items/${consumed}`, { json: { consumed: true } });
    clock.advance(24 * HOUR_MS);
    const visitor = await signedIn(member);
    const items = (await visitor.get('/panel/items')).html;
    expect(cardOf(items, eligible)).toContain(`action="/panel/items/${eligible}/withdraw"`);
    expect(cardOf(items, eligible)).toContain('Golden key');
    expect(cardOf(items, notWithdrawable)).toContain('data-refusal="not_withdrawable"');
    expect(cardOf(items, notWithdrawable)).not.toContain('<form');
    expect(cardOf(items, consumed)).toContain('data-refusal="not_active"');

    clock.advance(7 * 24 * HOUR_MS);
    const later = await signedIn(member);
    expect(cardOf((await later.get('/panel/items')).html, eligible)).toContain('data-refusal="too_late"');
  });

  it('withdraws an eligible item: 303 to the inventory, the refund in the ledger, once only', async () => {
    const member = await session.member(100);
    const userItemId = await session.buy(member, { price: 40 });
    const other = await session.buy(member, { price: 10 });
    clock.advance(HOUR_MS);
    const visitor = await signedIn(member);

    const withdrawn = await visitor.post(`/panel/items/${userItemId}/withdraw`);
    expect(withdrawn.status).toBe(303);
    expect(withdrawn.location).toBe('/panel/items?notice=withdrawn');
    const items = await visitor.get('/panel/items?notice=withdrawn');
    expect(items.html).toContain('Withdrawn: your points were refunded.');
    expect(cardOf(items.html, userItemId)).toContain('data-status="withdrawn"');
    // One withdrawal a day: the other item now says so instead of offering the button.
    expect(cardOf(items.html, other)).toContain('data-refusal="daily_limit"');

    const overview = (await visitor.get('/panel')).html;
    expect(overview).toContain('data-balance="90"');
    expect(overview).toMatch(/data-kind="withdrawal"[\s\S]*?\+40[\s\S]*?90/);

    const before = await session.stateOf(member);
    const again = await visitor.post(`/panel/items/${userItemId}/withdraw`);
    expect(again.status).toBe(409);
    expect(again.html).toContain('WITHDRAWAL_NOT_ALLOWED');
    expect(again.html).toContain('This item is used, expired, withdrawn or refunded.');
    expect(await session.stateOf(member)).toEqual(before);
  });

  it('refuses a post without the CSRF token, or with another session’s, and changes nothing', async () => {
    const member = await session.member(100);
    const userItemId = await session.buy(member);
    const visitor = await signedIn(member);
    const someoneElse = await signedIn(await session.member(100));
    const before = await session.stateOf(member);

    const forms: Record<string, string>[] = [{}, { csrf_token: 'forged' }, { csrf_token: someoneElse.csrfToken() }];
    for (const form of forms) {
      const refused = await visitor.post(`/panel/items/${userItemId}/withdraw`, form);
      expect(refused.status).toBe(403);
      expect(refused.html).toContain('CSRF_TOKEN_INVALID');
    }
    expect(await session.stateOf(member)).toEqual(before);
  });

  it("refuses another user's item id with a 404 page and changes nothing for either user", async () => {
    const owner = await session.member(100);
    const theirs = await session.buy(owner);
    const intruder = await session.member(100);
    const visitor = await signedIn(intruder);
    const ownerBefore = await session.stateOf(owner);
    const intruderBefore = await session.stateOf(intruder);

    const refused = await visitor.post(`/panel/items/${theirs}/withdraw`);
    expect(refused.status).toBe(404);
    expect(refused.html).toContain('USER_ITEM_NOT_FOUND');
    expect(await session.stateOf(owner)).toEqual(ownerBefore);
    expect(await session.stateOf(intruder)).toEqual(intruderBefore);
  });

  it('refuses a post with no session at all (401) and one whose session expired, and changes nothing', async () => {
    const member = await session.member(100);
    const userItemId = await session.buy(member);
    const visitor = await signedIn(member);
    const token = visitor.csrfToken();
    const before = await session.stateOf(member);

    const anonymous = await session.visitor().post(`/panel/items/${userItemId}/withdraw`, { csrf_token: token });
    expect(anonymous.status).toBe(401);
    expect(anonymous.html).toContain('SIGNED_OUT');

    clock.advance(12 * HOUR_MS);
    const expired = await visitor.post(`/panel/items/${userItemId}/withdraw`, { csrf_token: token });
    expect(expired.status).toBe(401);
    expect(expired.html).toContain('SESSION_INVALID');
    expect(await session.stateOf(member)).toEqual(before);
  });

  it('escapes everything it shows: names from bots and the catalogue never become markup', async () => {
    const member = await session.member(100, '<script>alert("name")</script>');
    await session.buy(member, { name: '<img src=x onerror=alert(1)>' });
    const visitor = await signedIn(member);
    const overview = (await visitor.get('/panel')).html;
    expect(overview).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
    expect(overview).not.toContain('<script');
    const items = (await visitor.get('/panel/items')).html;
    expect(items).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(items).not.toContain('<img');
  });

  it('speaks Korean or English: the browser’s preference, then the switch, which comes back to the page', async () => {
    const member = await session.member(1000);
    const visitor = await signedIn(member);
    expect((await visitor.get('/panel')).html).toContain('1,000 points');
    const switched = await visitor.get('/panel/language/ko?return_to=%2Fpanel%2Fitems');
    expect(switched.status).toBe(303);
    expect(switched.location).toBe('/panel/items');
    const korean = (await visitor.get('/panel')).html;
    expect(korean).toContain('<html lang="ko">');
    expect(korean).toContain('1,000 포인트');
    expect(korean).toContain('보유 포인트');
    // Never back to another site, whatever the link says.
    expect((await visitor.get('/panel/language/en?return_to=https%3A%2F%2Fevil.example')).location).toBe('/panel');
    expect((await visitor.get('/panel/language/en?return_to=%2F%2Fevil.example')).location).toBe('/panel');
  });

  it('serves its pages with no script, no other site and no framing, and its one stylesheet itself', async () => {
    const visitor = await signedIn(await session.member());
    const page = await fetch(`${session.panel.origin}/panel`, {
      headers: { Cookie: [...visitor.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).not.toMatch(/<script|https?:\/\//);
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1] ?? '';
    const css = await fetch(`${session.panel.origin}${stylesheet}`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.headers.get('cache-control')).toContain('immutable');
  });

  it('buys points through the checkout: 303 to Pay Station with a token Xsolla made for this user', async () => {
    const member = await session.member();
    const visitor = await signedIn(member);
    await visitor.get('/panel');
    const checkout = await visitor.post('/panel/checkout');
    expect(checkout.status).toBe(303);
    const payStation = new URL(checkout.location ?? '');
    expect(`${payStation.origin}${payStation.pathname}`).toBe('https://sandbox-secure.xsolla.com/paystation4/');
    const token = payStation.searchParams.get('token') ?? '';
    expect(session.panel.xsolla.tokens.get(token)).toEqual({ userId: String(member.userId), sandbox: true });
  });

  it('asks Xsolla for nothing on a checkout post without the CSRF token', async () => {
    const visitor = await signedIn(await session.member());
    const tokensBefore = session.panel.xsolla.tokens.size;
    const refused = await visitor.post('/panel/checkout', {});
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('CSRF_TOKEN_INVALID');
    expect(session.panel.xsolla.tokens.size).toBe(tokensBefore);
  });

  it('answers a clear 503 page while Xsolla is down', async () => {
    const visitor = await signedIn(await session.member());
    session.panel.xsolla.failWith(500);
    try {
      const down = await visitor.post('/panel/checkout');
      expect(down.status).toBe(503);
      expect(down.html).toContain('XSOLLA_UNAVAILABLE');
      expect(down.html).toContain('The payment service cannot be reached');
    } finally {
      session.panel.xsolla.recover();
    }
  });

  it('answers an unknown panel path with a 404 page, not JSON', async () => {
    const answer = await session.visitor().get('/panel/nowhere');
    expect(answer.status).toBe(404);
    expect(answer.html).toContain('ROUTE_NOT_FOUND');
  });
});
