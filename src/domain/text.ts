/**
 * Text Forte stores must be well-formed Unicode: a lone UTF-16 surrogate has no UTF-8 form, so MariaDB would store
 * U+FFFD in its place and a later read would differ from what was answered.
 */
export const isWellFormedText = (text: string): boolean => !/\p{Cs}/u.test(text);

/**
 * Whether a text fits a column of `maxLength` characters. JavaScript lengths count UTF-16 units, never fewer than
 * the characters MariaDB counts, so a text within the limit here always fits there.
 */
export const fitsLength = (text: string, maxLength: number): boolean => text.length <= maxLength;
