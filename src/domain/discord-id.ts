/** A Discord snowflake as Forte stores it: a decimal string of 17 to 20 digits (too big for a JS number). */
export const DISCORD_ID_PATTERN = /^[0-9]{17,20}$/;

export const isDiscordId = (value: string): boolean => DISCORD_ID_PATTERN.test(value);
