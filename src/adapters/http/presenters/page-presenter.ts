import { Page } from '../../../application/page-cursor';

/** A page on the wire: each entry presented, and the cursor as `next_cursor`. */
export const presentPage = <T, W>(
  page: Page<T>,
  present: (entry: T) => W,
): { data: W[]; next_cursor: string | null } => ({
  data: page.data.map(present),
  next_cursor: page.nextCursor,
});
