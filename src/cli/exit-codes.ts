/** Every forte-cli command: 0 success, 1 problems found (mismatches, drift, bad rows), 2 bad usage or a fault. */
export const EXIT = { ok: 0, problemsFound: 1, usageOrFault: 2 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
