import { mirrorTarget, retryDelayMs } from '../../../src/domain/wallet-mirror';

describe('the balance mirror', () => {
  it("brings Xsolla's wallet to Forte's balance, never below zero", () => {
    expect(mirrorTarget(30)).toBe(30);
    expect(mirrorTarget(0)).toBe(0);
    expect(mirrorTarget(-8)).toBe(0);
  });

  it('waits twice as long after each failure in a row, up to the cap, spread by half either way', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, 100, 1000, 0.5))).toEqual([100, 200, 400, 800]);
    expect(retryDelayMs(5, 100, 1000, 0.5)).toBe(1000);
    expect(retryDelayMs(500, 100, 1000, 0.5)).toBe(1000);
    expect(retryDelayMs(1, 100, 1000, 0)).toBe(50);
    expect(retryDelayMs(1, 100, 1000, 0.999)).toBe(150);
  });
});
