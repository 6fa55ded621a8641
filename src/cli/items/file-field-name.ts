/** The file's name for a field the domain reports by its own name. */
export const fileFieldName = (field: string): string => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
