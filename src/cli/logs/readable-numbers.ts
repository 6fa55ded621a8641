/** Numbers as a person reads them, shared by the terminal and HTML reports. */

/** `1,234,567`. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** `512 B`, `1.5 KiB`, `12.3 MiB`, `1.02 GiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

/** `part` as a share of `total`: `12.3%` (`0.0%` of nothing). */
export const formatShare = (part: number, total: number): string => `${(total ? (part / total) * 100 : 0).toFixed(1)}%`;

/** A rate from 0 to 1 as `4.2%`. */
export const formatRate = (rate: number): string => `${(rate * 100).toFixed(1)}%`;
