/** A cursor page of a list, newest first: `beforeId` continues after the last record of the previous page. */
export interface PageRequest {
  limit: number;
  beforeId: number | null;
}
