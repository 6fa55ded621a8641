import { Attendance } from './attendance';
import { FailureOf } from './failure';
import { fail, ok, Result } from './result';

export const BOXES = ['bronze', 'silver', 'gold'] as const;
export type Box = (typeof BOXES)[number];

export const isBox = (value: string): value is Box => (BOXES as readonly string[]).includes(value);

interface Prize {
  /** Chance in whole percent; the chances of a box add up to 100. */
  percent: number;
  points: number;
}

interface BoxRule {
  keys: { normal: number; premium: number };
  prizes: readonly Prize[];
}

/** Key costs and prize tables of PRODUCT.md §2, as the legacy attendance bot has them. */
export const BOX_RULES: Readonly<Record<Box, BoxRule>> = {
  bronze: {
    keys: { normal: 3, premium: 3 },
    prizes: [
      { percent: 69, points: 3 },
      { percent: 24, points: 10 },
      { percent: 7, points: 20 },
    ],
  },
  silver: {
    keys: { normal: 6, premium: 5 },
    prizes: [
      { percent: 70, points: 10 },
      { percent: 25, points: 30 },
      { percent: 5, points: 50 },
    ],
  },
  gold: {
    keys: { normal: 10, premium: 8 },
    prizes: [
      { percent: 71, points: 20 },
      { percent: 26, points: 60 },
      { percent: 3, points: 100 },
    ],
  },
};

export const keyCost = (box: Box, premium: boolean): number =>
  premium ? BOX_RULES[box].keys.premium : BOX_RULES[box].keys.normal;

/** Maps a uniform draw u in [0, 1) onto the box's prize table, in table order. */
export function drawPrize(box: Box, u: number): number {
  if (!(u >= 0 && u < 1)) throw new Error(`A draw must lie in [0, 1): ${u}`);
  let cumulativePercent = 0;
  for (const prize of BOX_RULES[box].prizes) {
    cumulativePercent += prize.percent;
    // Compare with percent / 100, the double nearest the edge, not u * 100, which rounds (0.57 * 100 < 57).
    if (u < cumulativePercent / 100) return prize.points;
  }
  throw new Error(`The prize table of ${box} does not add up to 100%`);
}

export interface OpenedBox {
  attendance: Attendance;
  points: number;
}

/** Spends the box's keys and draws its prize; `u` comes from the RandomSource port. */
export function openBox(
  attendance: Attendance,
  box: Box,
  premium: boolean,
  u: number,
): Result<OpenedBox, FailureOf<'NotEnoughKeys'>> {
  const cost = keyCost(box, premium);
  if (attendance.keyCount < cost) return fail({ type: 'NotEnoughKeys', keyCount: attendance.keyCount });
  return ok({ attendance: { ...attendance, keyCount: attendance.keyCount - cost }, points: drawPrize(box, u) });
}
