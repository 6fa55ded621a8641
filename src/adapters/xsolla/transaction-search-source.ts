import {
  ReconciliationDays,
  ReconciliationInputError,
  ReportedTransactionSource,
  SourceProgress,
} from '../../application/ports/reported-transaction-source';
import { XsollaCallFailure } from '../../application/ports/xsolla-merchant';
import { ReportedTransaction } from '../../domain/reconciliation';
import { jsonFields, reportedTransactionOf } from './search-entry';
import { TransactionSearch } from './xsolla-merchant-client';

/** Transactions asked per page of the search. */
const PAGE = 500;

/** What the source needs of the merchant client: one page of the search (retried there), or null unconfigured. */
export type SearchPages =
  | ((search: TransactionSearch) => Promise<{ ok: true; value: unknown[] } | { ok: false; failure: XsollaCallFailure }>)
  | null;

/**
 * Xsolla's transactions search (`search.json`) for the window, page by page (`limit`, `offset`) until a short page.
 * A failure names the page and what Xsolla answered.
 */
export function transactionSearchSource(search: SearchPages): ReportedTransactionSource {
  return {
    name: 'api',
    batches: (days, progress) => pages(search, days, progress),
  };
}

async function* pages(
  search: SearchPages,
  days: ReconciliationDays,
  progress: SourceProgress,
): AsyncGenerator<ReportedTransaction[]> {
  if (search === null) {
    throw new ReconciliationInputError(
      'XSOLLA_NOT_CONFIGURED',
      '--source api needs XSOLLA_MERCHANT_ID, XSOLLA_PROJECT_ID and XSOLLA_API_KEY; or give --source FILE',
    );
  }
  for (let offset = 0, page = 1; ; offset += PAGE, page += 1) {
    const answer = await search({ from: days.from, to: days.to, limit: PAGE, offset });
    if (!answer.ok) throw searchFailure(answer.failure, page);
    yield answer.value.map((entry, at) =>
      reportedTransactionOf(jsonFields(entry), () => `Xsolla's transactions search, transaction ${offset + at + 1}`),
    );
    const read = offset + answer.value.length;
    // The total is unknown until a short page: one more page is all that is promised.
    progress(read, answer.value.length < PAGE ? read : read + PAGE);
    if (answer.value.length < PAGE) return;
  }
}

function searchFailure(failure: XsollaCallFailure, page: number): ReconciliationInputError {
  const where = `Xsolla's transactions search (page ${page})`;
  switch (failure.type) {
    case 'XsollaRejected':
      return new ReconciliationInputError(
        'XSOLLA_REJECTED',
        `${where}: ${failure.reason}; check XSOLLA_MERCHANT_ID, XSOLLA_PROJECT_ID and XSOLLA_API_KEY`,
      );
    case 'XsollaUnavailable':
      return new ReconciliationInputError('XSOLLA_UNAVAILABLE', `${where}: ${failure.reason}`);
    case 'XsollaNotConfigured':
      return new ReconciliationInputError('XSOLLA_NOT_CONFIGURED', `${where}: Xsolla is not configured`);
  }
}
