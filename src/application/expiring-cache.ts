import { Clock } from './ports/clock';

/**
 * Answers kept for a short while, at most `capacity` of them (all are dropped when full, so a flood of distinct
 * keys cannot grow it). Only for answers whose staleness is bounded by contract, never for money.
 */
export class ExpiringCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly maxAgeMs: number,
    private readonly capacity: number,
  ) {}

  async get(key: K, load: () => Promise<V>): Promise<V> {
    const now = this.clock.now().getTime();
    const kept = this.entries.get(key);
    if (kept && kept.expiresAt > now) return kept.value;
    const value = await load();
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(key, { value, expiresAt: now + this.maxAgeMs });
    return value;
  }
}
