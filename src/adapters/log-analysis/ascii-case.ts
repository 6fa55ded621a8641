/** ASCII lower-casing of one byte; other bytes unchanged (logs are bytes, not text). */
export const lowerAscii = (c: number): number => (c >= 0x41 && c <= 0x5a ? c | 0x20 : c);
