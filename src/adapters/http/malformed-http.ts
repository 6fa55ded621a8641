import { Duplex } from 'node:stream';
import { errorBody } from './error-body';
import { HttpObserver } from './http-observer';

/** Node's parser codes for requests that were too slow or too large, rather than badly framed. */
const STATUS_BY_CODE: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'The request headers are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request took too long to arrive.'],
};

/**
 * Answers a request Node's HTTP parser refused (bad framing, a Content-Length that does not match the body, ...)
 * with the API's error body instead of Node's bare 400, and counts it: malformed HTTP is the client's fault, not
 * Forte's. The socket is closed after the answer, since the framing of anything after it cannot be trusted.
 */
export function answerMalformedHttp(
  observer: HttpObserver,
): (error: Error & { code?: string }, socket: Duplex) => void {
  return (error, socket) => {
    observer.protocolError(error);
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, message] = STATUS_BY_CODE[error.code ?? ''] ?? [400, 'The request is not well-formed HTTP.'];
    const body = JSON.stringify(errorBody('MALFORMED_HTTP', message));
    socket.end(
      `HTTP/1.1 ${status} ${status === 400 ? 'Bad Request' : 'Refused'}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  };
}
