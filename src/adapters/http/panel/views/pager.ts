import { Page } from '../../../../application/page-cursor';
import { html, Html } from './html';
import { PanelText } from './panel-text';

/** Links to the newest entries (when not on them) and to older ones (when there are). */
export function pager(text: PanelText, path: string, page: Page<unknown>, onFirstPage: boolean): Html {
  const older =
    page.nextCursor && html`<a href="${path}?cursor=${encodeURIComponent(page.nextCursor)}">${text.olderPage}</a>`;
  if (onFirstPage && !older) return html``;
  return html`<nav class="pager">
    ${onFirstPage ? html`<span></span>` : html`<a href="${path}">${text.newestPage}</a>`}${older}
  </nav>`;
}
