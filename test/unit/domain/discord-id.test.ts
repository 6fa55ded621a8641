import { isDiscordId } from '../../../src/domain/discord-id';

describe('isDiscordId', () => {
  it.each(['36800361714688000', '368003617146880001', '18446744073709551615'])('accepts %s', (id) => {
    expect(isDiscordId(id)).toBe(true);
  });

  it.each(['', '1234567890123456', '184467440737095516150', '36800361714688000a', ' 368003617146880001'])(
    'rejects "%s"',
    (id) => {
      expect(isDiscordId(id)).toBe(false);
    },
  );
});
