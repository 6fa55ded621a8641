import Router from '@koa/router';
import { OpenCheckoutLinkFailure } from '../../../application/open-checkout-link';
import { HttpDependencies } from '../http-dependencies';

export const SHOP_PATH = '/shops/{code}';

/** What a link that leads nowhere says to the person who clicked it. */
const PAGES: Record<OpenCheckoutLinkFailure['type'], { status: number; title: string; text: string }> = {
  CheckoutLinkExpired: {
    status: 410,
    title: 'This payment link has expired',
    text: 'Payment links last an hour. Ask the bot for a new one to buy points.',
  },
  CheckoutLinkNotFound: {
    status: 404,
    title: 'No such payment link',
    text: 'Check that the link was copied whole, or ask the bot for a new one.',
  },
};

const page = (title: string, text: string): string => `<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>
  <body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem">
    <h1>${title}</h1>
    <p>${text}</p>
  </body>
</html>
`;

/** Short links to Pay Station pages, for chat messages: a redirect while valid, a page that says why otherwise. */
export function mountShopRoutes(router: Router, deps: Pick<HttpDependencies, 'openCheckoutLink'>): void {
  router.get('/shops/:code', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    const code = ctx.params.code ?? '';
    const opened = /^[A-Za-z0-9_-]{1,32}$/.test(code)
      ? await deps.openCheckoutLink.execute({ code })
      : ({ ok: false, failure: { type: 'CheckoutLinkNotFound' } } as const);
    if (opened.ok) {
      ctx.redirect(opened.value.url);
      return;
    }
    const { status, title, text } = PAGES[opened.failure.type];
    ctx.status = status;
    ctx.type = 'html';
    ctx.body = page(title, text);
  });
}
