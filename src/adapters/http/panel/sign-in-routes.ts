import Router from '@koa/router';
import { z } from 'zod';
import { failureAnswer } from '../failure-responses';
import { HttpProblem } from '../http-problem';
import { validate } from '../validate';
import { admitPanelUser, beginSignIn, PanelAdmission } from './panel-admission';
import { PANEL_PATH, panelReturnPath } from './panel-paths';
import { signedOutPage } from './views/signed-out-page';

/**
 * What Discord appends to the redirect: `code` and `state`, or `error` when the user declined. Unknown fields are
 * ignored rather than refused: they are Discord's to add, and the browser cannot do anything about them.
 */
const CallbackQuery = z.object({
  code: z.string().min(1).max(512).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(512).optional(),
});

/** The routes around the session itself: starting a sign-in, Discord's callback, signing out. */
export function mountSignInRoutes(router: Router, admission: PanelAdmission, bodyLimitBytes: number): void {
  router.get(`${PANEL_PATH}/sign-in`, (ctx) => beginSignIn(ctx, admission, PANEL_PATH));

  router.get(`${PANEL_PATH}/callback`, async (ctx) => {
    const query = validate('query', CallbackQuery, ctx.query);
    const returnTo = admission.signIns.finish(ctx, query.state);
    if (returnTo === null) {
      throw new HttpProblem(400, 'SIGN_IN_STATE_MISMATCH', 'This sign-in did not start in this browser, or expired.');
    }
    if (query.error !== undefined || query.code === undefined) {
      throw new HttpProblem(401, 'DISCORD_SIGN_IN_DECLINED', 'The sign-in was cancelled on Discord.');
    }
    const signedIn = await admission.signInWithDiscord.execute({
      code: query.code,
      redirectUri: admission.discord.redirectUri,
    });
    if (!signedIn.ok) {
      const { status, body } = failureAnswer(signedIn.failure);
      ctx.status = status;
      ctx.body = body;
      return;
    }
    admission.sessions.start(ctx, signedIn.value.id);
    ctx.status = 303;
    ctx.redirect(panelReturnPath(returnTo));
  });

  router.post(`${PANEL_PATH}/sign-out`, ...admitPanelUser(admission, bodyLimitBytes), (ctx) => {
    admission.sessions.end(ctx);
    ctx.status = 303;
    ctx.redirect(`${PANEL_PATH}/signed-out`);
  });

  router.get(`${PANEL_PATH}/signed-out`, (ctx) => {
    ctx.body = signedOutPage();
  });
}
