import { html } from './html';
import { PanelPage } from './panel-page';

export function signedOutPage(): PanelPage {
  return new PanelPage(
    (text) => text.signedOutTitle,
    ({ text }) =>
      html` <section class="card">
        <h1>${text.signedOutTitle}</h1>
        <p>${text.signedOutText}</p>
        <p><a class="button" href="/panel/sign-in">${text.signIn}</a></p>
      </section>`,
  );
}
