/**
 * The one shape of every error answer. The top-level `message` repeats `error.message` because the bots already
 * in service read it there.
 */
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
  message: string;
}

export function errorBody(code: string, message: string, details?: Record<string, unknown>): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details }, message };
}
