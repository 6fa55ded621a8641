/**
 * A place in one of the inputs as one number: the input's index times 2^40 plus the byte offset in it, exact in a
 * double for up to 8,192 inputs of up to 1 TiB each.
 */
const INPUT_UNIT = 2 ** 40;
export const MAX_INPUTS = 8192;

export const inputPlace = (input: number, offset: number): number => input * INPUT_UNIT + offset;
export const inputOf = (place: number): number => Math.floor(place / INPUT_UNIT);
export const offsetOf = (place: number): number => place % INPUT_UNIT;
export const fitsInPlace = (input: number, offset: number): boolean => input < MAX_INPUTS && offset < INPUT_UNIT;
