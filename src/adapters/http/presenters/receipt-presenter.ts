import { z } from 'zod';
import { Page } from '../../../application/page-cursor';
import { Receipt } from '../../../domain/receipt';
import { ReceiptPageResponse, ReceiptResponse } from '../schemas/receipt-schemas';
import { presentPage } from './page-presenter';

export const presentReceipt = (receipt: Receipt): z.infer<typeof ReceiptResponse> => ({
  id: receipt.id,
  user_id: receipt.userId,
  kind: receipt.kind,
  delta: receipt.delta,
  balance_before: receipt.balanceBefore,
  balance_after: receipt.balanceAfter,
  reason: receipt.reason,
  source: receipt.source,
  external_ref: receipt.externalRef,
  created_at: receipt.createdAt.toISOString(),
});

export const presentReceiptPage = (page: Page<Receipt>): z.infer<typeof ReceiptPageResponse> =>
  presentPage(page, presentReceipt);
