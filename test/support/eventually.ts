/** Polls `check` until it holds (answers true), or fails after `ms` with what it last answered. */
export async function eventually(check: () => Promise<boolean>, ms = 15_000, everyMs = 50): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`Still not so after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
