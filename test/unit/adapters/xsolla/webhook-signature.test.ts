import { checkWebhookSignature, webhookAuthorization } from '../../../../src/adapters/xsolla/webhook-signature';

const BODY = Buffer.from('{"notification_type":"user_validation"}');
const SECRET = 'forte-secret';
/** `printf '%s' '{"notification_type":"user_validation"}forte-secret' | sha1sum` */
const EXPECTED = '19d09d4e38f21de51984b8b873a4d3d6d15f666e';

describe("Xsolla's webhook signature", () => {
  it('is the SHA-1 of the body followed by the secret, in hex', () => {
    expect(webhookAuthorization(BODY, SECRET)).toBe(`Signature ${EXPECTED}`);
  });

  it('holds only for the same bytes and the same secret', () => {
    expect(checkWebhookSignature(BODY, `Signature ${EXPECTED}`, SECRET)).toBe('valid');
    expect(checkWebhookSignature(BODY, ` Signature ${EXPECTED.toUpperCase()} `, SECRET)).toBe('valid');
    expect(checkWebhookSignature(Buffer.from(`${BODY.toString()} `), `Signature ${EXPECTED}`, SECRET)).toBe('invalid');
    expect(checkWebhookSignature(BODY, `Signature ${EXPECTED}`, `${SECRET}x`)).toBe('invalid');
  });

  it('tells a missing header from one that is not a signature', () => {
    expect(checkWebhookSignature(BODY, '', SECRET)).toBe('missing');
    expect(checkWebhookSignature(BODY, `Bearer ${EXPECTED}`, SECRET)).toBe('invalid');
    expect(checkWebhookSignature(BODY, `Signature ${EXPECTED.slice(1)}`, SECRET)).toBe('invalid');
    expect(checkWebhookSignature(BODY, `Signature ${EXPECTED}0`, SECRET)).toBe('invalid');
  });
});
