/** Stored records are handed out as copies, so a caller changing what it read changes nothing it did not save. */
export const copyOrNull = <T>(record: T | undefined): T | null =>
  record === undefined ? null : structuredClone(record);
