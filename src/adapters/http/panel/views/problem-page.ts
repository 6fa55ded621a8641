import { ErrorBody } from '../../error-body';
import { html } from './html';
import { PanelPage } from './panel-page';
import { PanelText } from './panel-text';

/**
 * A refusal as a page: what happened in the user's words (the API's English message for a code the panel has no
 * words for), the code itself for support, and the way on: back to the panel when signed in, else to sign in.
 */
export function problemPage({ error }: ErrorBody): PanelPage {
  return new PanelPage(
    (text) => text.problems[error.code]?.title ?? text.problemTitle,
    ({ text, csrfToken }) => {
      const words = text.problems[error.code];
      const reason = refusalWords(text, error.details?.reason);
      const next =
        csrfToken === null
          ? html`<a class="button" href="/panel/sign-in">${text.signIn}</a>`
          : html`<a class="button" href="/panel">${text.backToPanel}</a>`;
      return html` <section class="card problem" data-code="${error.code}">
        <h1>${words?.title ?? text.problemTitle}</h1>
        ${reason && html`<p>${reason}</p>`}
        <p>${words?.explanation ?? error.message}</p>
        <p class="code">${text.problemCode(error.code)}</p>
        <p>${next}</p>
      </section>`;
    },
  );
}

/** Why a withdrawal was refused (`details.reason`), in the user's words. */
function refusalWords(text: PanelText, reason: unknown): string | null {
  const refusals: Record<string, string> = text.withdrawalRefusals;
  return typeof reason === 'string' && Object.hasOwn(refusals, reason) ? (refusals[reason] ?? null) : null;
}
