import { BOX_RULES, BOXES, drawPrize, isBox, keyCost, openBox } from '../../../src/domain/box';
import { anAttendance } from '../../support/builders/attendance';

/** A draw a hair (2^-52) short of a table edge. */
const justBelow = (x: number): number => x - Number.EPSILON;

describe('keyCost', () => {
  it.each([
    ['bronze', 3, 3],
    ['silver', 6, 5],
    ['gold', 10, 8],
  ] as const)('%s costs %i keys, %i for a premium user', (box, normal, premium) => {
    expect(keyCost(box, false)).toBe(normal);
    expect(keyCost(box, true)).toBe(premium);
  });
});

describe('drawPrize', () => {
  it.each([
    ['bronze', 0, 3],
    ['bronze', justBelow(0.69), 3],
    ['bronze', 0.69, 10],
    ['bronze', justBelow(0.93), 10],
    ['bronze', 0.93, 20],
    ['bronze', justBelow(1), 20],
    ['silver', 0, 10],
    ['silver', justBelow(0.7), 10],
    ['silver', 0.7, 30],
    ['silver', justBelow(0.95), 30],
    ['silver', 0.95, 50],
    ['silver', justBelow(1), 50],
    ['gold', 0, 20],
    ['gold', justBelow(0.71), 20],
    ['gold', 0.71, 60],
    ['gold', justBelow(0.97), 60],
    ['gold', 0.97, 100],
    ['gold', justBelow(1), 100],
  ] as const)('%s at u = %p pays %i points', (box, u, points) => {
    expect(drawPrize(box, u)).toBe(points);
  });

  it.each([-0.1, 1, Number.NaN])('treats a draw of %p as a bug', (u) => {
    expect(() => drawPrize('gold', u)).toThrow(/\[0, 1\)/);
  });

  it.each(BOXES)('the chances of %s add up to 100%%', (box) => {
    expect(BOX_RULES[box].prizes.reduce((sum, prize) => sum + prize.percent, 0)).toBe(100);
  });
});

describe('openBox', () => {
  it('spends the keys and pays the drawn prize', () => {
    expect(openBox(anAttendance().withKeys(7).build(), 'silver', false, 0.96)).toEqual({
      ok: true,
      value: { attendance: expect.objectContaining({ keyCount: 1 }), points: 50 },
    });
  });

  it.each([
    ['bronze', false, 3],
    ['bronze', true, 3],
    ['silver', false, 6],
    ['silver', true, 5],
    ['gold', false, 10],
    ['gold', true, 8],
  ] as const)('opens %s (premium %p) with exactly %i keys and leaves none', (box, premium, keys) => {
    const result = openBox(anAttendance().withKeys(keys).build(), box, premium, 0);
    expect(result.ok && result.value.attendance.keyCount).toBe(0);
  });

  it.each([
    ['bronze', false, 2],
    ['bronze', true, 2],
    ['silver', false, 5],
    ['silver', true, 4],
    ['gold', false, 9],
    ['gold', true, 7],
  ] as const)('refuses %s (premium %p) with %i keys', (box, premium, keys) => {
    expect(openBox(anAttendance().withKeys(keys).build(), box, premium, 0)).toEqual({
      ok: false,
      failure: { type: 'NotEnoughKeys', keyCount: keys },
    });
  });
});

describe('isBox', () => {
  it('knows the three boxes and nothing else', () => {
    expect(BOXES.every(isBox)).toBe(true);
    expect(isBox('platinum')).toBe(false);
    expect(isBox('Gold')).toBe(false);
  });
});
