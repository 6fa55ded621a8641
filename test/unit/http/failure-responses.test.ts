import { failureAnswer, FAILURE_RESPONSES } from '../../../src/adapters/http/failure-responses';

describe('FAILURE_RESPONSES', () => {
  it('answers every business failure with a 4xx and a stable UPPER_SNAKE code, but a gateway 502 or 503 for Xsolla or Discord', () => {
    const upstream = ['XsollaUnavailable', 'XsollaRejected', 'XsollaNotConfigured', 'DiscordUnavailable'];
    Object.entries(FAILURE_RESPONSES).forEach(([type, { status, code, message }]) => {
      if (upstream.includes(type)) expect([502, 503]).toContain(status);
      else expect({ type, status: status >= 400 && status < 500 }).toEqual({ type, status: true });
      expect(code).toMatch(/^[A-Z]+(?:_[A-Z]+)*$/);
      expect(message.length).toBeGreaterThan(0);
    });
    const codes = Object.values(FAILURE_RESPONSES).map(({ code }) => code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("puts the failure's own fields in details and repeats the message at the top level", () => {
    expect(failureAnswer({ type: 'InsufficientPoints', balance: 20, required: 21 })).toEqual({
      status: 409,
      body: {
        error: {
          code: 'INSUFFICIENT_POINTS',
          message: FAILURE_RESPONSES.InsufficientPoints.message,
          details: { balance: 20, required: 21 },
        },
        message: FAILURE_RESPONSES.InsufficientPoints.message,
      },
    });
    expect(failureAnswer({ type: 'UserNotFound' }).body).toEqual({
      error: { code: 'USER_NOT_FOUND', message: FAILURE_RESPONSES.UserNotFound.message },
      message: FAILURE_RESPONSES.UserNotFound.message,
    });
  });

  it('names the detail fields in snake_case like the rest of the wire', () => {
    expect(failureAnswer({ type: 'PurchaseLimitReached', maxPerUser: 2 }).body).toMatchObject({
      error: { details: { max_per_user: 2 } },
    });
    expect(failureAnswer({ type: 'NotEnoughKeys', keyCount: 7 }).body).toMatchObject({
      error: { details: { key_count: 7 } },
    });
  });
});
