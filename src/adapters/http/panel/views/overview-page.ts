import { Page } from '../../../../application/page-cursor';
import { Receipt } from '../../../../domain/receipt';
import { User } from '../../../../domain/user';
import { html, Html } from './html';
import { csrfField } from './layout';
import { pager } from './pager';
import { PageContext, PanelPage } from './panel-page';
import { formatMoment, formatPoints } from './panel-format';
import { PanelText } from './panel-text';

/** The panel's home: the balance, then the ledger newest first, a page at a time. */
export function overviewPage(user: User, receipts: Page<Receipt>, onFirstPage: boolean): PanelPage {
  return new PanelPage(
    (text) => text.navPoints,
    ({ text, csrfToken }: PageContext) =>
      html` <section class="card balance">
          <h1>${text.balanceTitle}</h1>
          <p class="amount" data-balance="${user.points}">${text.points(formatPoints(text, user.points))}</p>
          <p class="meta">${user.name}</p>
          ${user.points < 0 && html`<p class="warning">${text.debtNotice}</p>`}
          <form class="buy" method="post" action="/panel/checkout">
            ${csrfField(csrfToken)}<button type="submit">${text.buyPoints}</button><small>${text.buyPointsHint}</small>
          </form>
        </section>
        <section class="card">
          <h2>${text.receiptsTitle}</h2>
          ${receipts.data.length === 0 ? html`<p>${text.noReceipts}</p>` : ledger(text, receipts.data)}
          ${pager(text, '/panel', receipts, onFirstPage)}
        </section>`,
  );
}

function ledger(text: PanelText, receipts: Receipt[]): Html {
  const { date, what, change, balance } = text.columns;
  return html`<table class="ledger">
    <thead>
      <tr>
        <th>${date}</th>
        <th>${what}</th>
        <th class="number">${change}</th>
        <th class="number">${balance}</th>
      </tr>
    </thead>
    <tbody>
      ${receipts.map(
        (receipt) =>
          html` <tr data-receipt="${receipt.id}" data-kind="${receipt.kind}">
            <td class="when">${formatMoment(text, receipt.createdAt)}</td>
            <td>${text.receiptKinds[receipt.kind]}<br /><small>${receipt.reason}</small></td>
            <td class="number ${receipt.delta < 0 ? 'minus' : 'plus'}" data-label="${change}">
              ${formatPoints(text, receipt.delta, true)}
            </td>
            <td class="number" data-label="${balance}">${formatPoints(text, receipt.balanceAfter)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
