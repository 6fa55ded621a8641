import { Counter, Registry } from 'prom-client';

/** Counters of requests refused for reasons other than their content: the database (503s) or broken HTTP. */
export function refusalMetrics(registry: Registry): {
  storageRefusal(code: 'BUSY' | 'DATABASE_UNAVAILABLE'): void;
  protocolError(): void;
} {
  const refusals = new Counter({
    name: 'forte_storage_refusals_total',
    help: 'Requests answered 503 because of contention (BUSY) or an unreachable database (DATABASE_UNAVAILABLE)',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const protocolErrors = new Counter({
    name: 'forte_http_protocol_errors_total',
    help: 'Requests refused as malformed HTTP before reaching a route',
    registers: [registry],
  });
  return { storageRefusal: (code) => refusals.inc({ code }), protocolError: () => protocolErrors.inc() };
}
