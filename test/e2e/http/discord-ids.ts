let issued = 0;

/** A fresh Discord snowflake per call; each test app has its own database, so a counter is unique enough. */
export function aDiscordId(): string {
  issued += 1;
  return String(368003617146880000n + BigInt(issued));
}
