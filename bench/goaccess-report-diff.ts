/** Compares two reports in GoAccess's JSON shape: GoAccess's own and forte-cli's `--goaccess-json`. */

export const GOACCESS_PANELS = [
  'visitors',
  'requests',
  'static_requests',
  'not_found',
  'hosts',
  'os',
  'browsers',
  'visit_time',
  'referring_sites',
  'status_codes',
] as const;

/** The general keys both tools count, compared exactly. */
export const SHARED_GENERAL_KEYS = [
  'total_requests',
  'valid_requests',
  'failed_requests',
  'unique_visitors',
  'unique_files',
  'unique_static_files',
  'unique_not_found',
  'bandwidth',
] as const;

interface Count {
  count: number;
}
export interface GoAccessRow {
  data: string;
  method?: string;
  protocol?: string;
  hits: Count;
  visitors: Count;
  bytes: Count;
  items?: GoAccessRow[];
}
type Metric = { total: { value: number } };
export interface GoAccessPanel {
  metadata: { hits: Metric; visitors: Metric; bytes: Metric; data: { total: { value: number } } };
  data: GoAccessRow[];
}
export type GoAccessReport = { general: Record<string, unknown> } & Record<string, unknown>;

const rowKey = (row: GoAccessRow): string =>
  [row.data, row.method, row.protocol].filter((part) => part !== undefined).join(' ');
const counts = (row: GoAccessRow): string =>
  `hits ${row.hits.count}, visitors ${row.visitors.count}, bytes ${row.bytes.count}`;

/** Every row GoAccess lists must be in ours with the same counts (and its items too); so must the panel's totals. */
function panelDifferences(name: string, theirs: GoAccessPanel, ours: GoAccessPanel | undefined): string[] {
  if (!ours) return [`${name}: missing`];
  const found: string[] = [];
  for (const metric of ['hits', 'visitors', 'bytes'] as const) {
    const [a, b] = [theirs.metadata[metric].total.value, ours.metadata[metric].total.value];
    if (a !== b) found.push(`${name}: total ${metric}: goaccess ${a}, forte-cli ${b}`);
  }
  const [items, ourItems] = [theirs.metadata.data.total.value, ours.metadata.data.total.value];
  if (items !== ourItems) found.push(`${name}: items: goaccess ${items}, forte-cli ${ourItems}`);
  found.push(...rowDifferences(name, theirs.data, ours.data));
  // GoAccess lists every row when the panel is under its max-items: then ours may hold no other.
  if (theirs.data.length < 366 && ours.data.length !== theirs.data.length) {
    found.push(`${name}: rows: goaccess ${theirs.data.length}, forte-cli ${ours.data.length}`);
  }
  return found;
}

function rowDifferences(where: string, theirs: GoAccessRow[], ours: GoAccessRow[]): string[] {
  const found: string[] = [];
  const mine = new Map(ours.map((row) => [rowKey(row), row]));
  for (const row of theirs) {
    const match = mine.get(rowKey(row));
    if (!match) found.push(`${where}: "${rowKey(row)}" (${counts(row)}) missing`);
    else if (counts(match) !== counts(row))
      found.push(`${where}: "${rowKey(row)}": goaccess ${counts(row)}; forte-cli ${counts(match)}`);
    else if (row.items) {
      found.push(...rowDifferences(`${where} > ${row.data}`, row.items, match.items ?? []));
      if (row.items.length !== (match.items ?? []).length)
        found.push(
          `${where} > ${row.data}: items: goaccess ${row.items.length}, forte-cli ${match.items?.length ?? 0}`,
        );
    }
  }
  return found;
}

/** Lines describing every difference between the general totals and panels of the two reports; empty when equal. */
export function reportDifferences(theirs: GoAccessReport, ours: GoAccessReport): string[] {
  const found: string[] = [];
  for (const key of SHARED_GENERAL_KEYS) {
    if (theirs.general[key] !== ours.general[key])
      found.push(`general.${key}: goaccess ${theirs.general[key]}, forte-cli ${ours.general[key]}`);
  }
  for (const name of GOACCESS_PANELS) {
    if (theirs[name])
      found.push(...panelDifferences(name, theirs[name] as GoAccessPanel, ours[name] as GoAccessPanel | undefined));
  }
  return found;
}
