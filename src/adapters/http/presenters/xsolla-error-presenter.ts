import { XsollaNotificationFailure } from '../../../application/handle-xsolla-notification';
import { FailurePresentation } from '../endpoint';
import { XsollaErrorResponse } from '../schemas/xsolla-schemas';

/** Xsolla's error body: `{"error": {"code", "message"}}`, codes of its own dictionary. */
export const xsollaErrorBody = (code: string, message: string): { error: { code: string; message: string } } => ({
  error: { code, message },
});

/** A refused notification is a permanent error to Xsolla (400): it stops sending it. */
export const XSOLLA_FAILURES: FailurePresentation<XsollaNotificationFailure> = {
  responses: {
    UserNotFound: { status: 400, code: 'INVALID_USER', message: 'Forte has no active user with this id.' },
    ItemNotFound: {
      status: 400,
      code: 'INVALID_PARAMETER',
      message: "A SKU of the notification is not in Forte's catalogue; nothing was credited.",
    },
    BalanceOutOfRange: { status: 400, code: 'INCORRECT_AMOUNT', message: "The user's balance would be out of range." },
    XsollaTransactionMismatch: {
      status: 400,
      code: 'INCORRECT_INVOICE',
      message: 'Forte holds this transaction for another user than the one the notification names.',
    },
  },
  body: xsollaErrorBody,
  schema: XsollaErrorResponse,
};
