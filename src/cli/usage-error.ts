/** A mistake in how a command was called (or a refusal the caller must fix): printed plainly, exit status 2. */
export class UsageError extends Error {}
