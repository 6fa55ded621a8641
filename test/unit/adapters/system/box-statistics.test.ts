import { CryptoRandomSource } from '../../../../src/adapters/system/crypto-random-source';
import { BOX_RULES, BOXES, drawPrize } from '../../../../src/domain/box';

/**
 * The prize tables hold for the real random source: 100,000 draws per box land within one percentage point of
 * each table's chance. With 100,000 draws the standard deviation of a frequency is at most 0.16 points, so a
 * correct source fails this only with a chance far below one in a billion.
 */
describe('box prizes drawn with the real random source', () => {
  const DRAWS = 100_000;
  const random = new CryptoRandomSource();

  it.each(BOXES)('%s matches its prize table within 1 percentage point', (box) => {
    const counts = new Map<number, number>();
    for (let i = 0; i < DRAWS; i += 1) {
      const prize = drawPrize(box, random.next());
      counts.set(prize, (counts.get(prize) ?? 0) + 1);
    }
    const prizes = BOX_RULES[box].prizes;
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual(prizes.map((prize) => prize.points));
    for (const { points, percent } of prizes) {
      const observedPercent = ((counts.get(points) ?? 0) / DRAWS) * 100;
      expect(Math.abs(observedPercent - percent)).toBeLessThan(1);
    }
  });
});
