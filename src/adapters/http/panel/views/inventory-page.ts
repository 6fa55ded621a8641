import { InventoryEntry } from '../../../../application/review-inventory';
import { Page } from '../../../../application/page-cursor';
import { csrfField } from './layout';
import { html, Html } from './html';
import { pager } from './pager';
import { PageContext, PanelPage } from './panel-page';
import { formatMoment, formatPoints } from './panel-format';

/** The user's items with their status, and a 청약철회 button on those the rules allow, the reason on the others. */
export function inventoryPage(inventory: Page<InventoryEntry>, onFirstPage: boolean, withdrawn: boolean): PanelPage {
  return new PanelPage(
    (text) => text.itemsTitle,
    (context: PageContext) => {
      const { text } = context;
      return html` ${withdrawn && html`<section class="card notice" role="status"><p>${text.withdrawnNotice}</p></section>`}
        <section class="card">
          <h1>${text.itemsTitle}</h1>
          ${inventory.data.length === 0 && html`<p>${text.noItems}</p>`}
        </section>
        <ul class="items">
          ${inventory.data.map((entry) => itemCard(context, entry))}
        </ul>
        ${pager(text, '/panel/items', inventory, onFirstPage)}`;
    },
  );
}

function itemCard({ text, csrfToken }: PageContext, { userItem, item, withdrawalRefusal }: InventoryEntry): Html {
  const price = formatPoints(text, userItem.pricePaid);
  return html` <li class="card item" data-user-item="${userItem.id}" data-status="${userItem.status}">
    <header>
      <h2>${item.name}</h2>
      <span class="status status-${userItem.status}">${text.statuses[userItem.status]}</span>
    </header>
    ${item.description !== '' && html`<p>${item.description}</p>`}
    <p class="meta">
      ${userItem.acquiredVia === 'points' ? text.boughtFor(price) : text.fromPayment} ·
      ${text.boughtAt(formatMoment(text, userItem.createdAt))}${userItem.expiresAt && html` · ${text.expiresAt(formatMoment(text, userItem.expiresAt))}`}
    </p>
    ${
      withdrawalRefusal === null
        ? html`<form class="withdraw" method="post" action="/panel/items/${userItem.id}/withdraw">
            ${csrfField(csrfToken)}<button type="submit">${text.withdraw}</button
            ><small>${text.withdrawRefunds(price)}</small>
          </form>`
        : html`<p class="refusal" data-refusal="${withdrawalRefusal}">${text.withdrawalRefusals[withdrawalRefusal]}</p>`
    }
  </li>`;
}
