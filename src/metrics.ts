import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One Prometheus registry per gateway instance (not the global one), so tests can run
 * several gateways in one process and read each one's figures.
 */
export function createMetrics() {
  const registry = new Registry();
  // The default metrics are already named process_* and nodejs_*: the prefix is ours alone.
  collectDefaultMetrics({ register: registry, prefix: 'fleetgate_' });
  return {
    registry,
    operations: new Counter({
      name: 'fleetgate_graphql_operations_total',
      help: 'GraphQL operations run, by operation name (the first 200 distinct, then "other"), type and outcome (ok, partial, error)',
      labelNames: ['operation', 'type', 'outcome'] as const,
      registers: [registry],
    }),
    operationDuration: new Histogram({
      name: 'fleetgate_graphql_operation_duration_seconds',
      help: 'Time to execute a query or mutation, by operation name and type',
      labelNames: ['operation', 'type'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    sourceRequests: new Counter({
      name: 'fleetgate_source_requests_total',
      help: 'Vendor HTTP calls made, by source, route and HTTP status (0 = no answer)',
      labelNames: ['source', 'kind', 'route', 'status'] as const,
      registers: [registry],
    }),
    sourceSharedCalls: new Counter({
      name: 'fleetgate_source_shared_calls_total',
      help: 'Vendor reads not sent because an identical one was in flight (from this or another request), by source',
      labelNames: ['source', 'kind'] as const,
      registers: [registry],
    }),
    sourceCacheHits: new Counter({
      name: 'fleetgate_source_cache_hits_total',
      help: "Vendor reads answered from the source's cache (sources with cache.ttlMs), by source",
      labelNames: ['source', 'kind'] as const,
      registers: [registry],
    }),
    sourceErrors: new Counter({
      name: 'fleetgate_source_errors_total',
      help: 'Vendor calls that failed, by source, route and error code',
      labelNames: ['source', 'kind', 'route', 'code'] as const,
      registers: [registry],
    }),
    sourceLatency: new Histogram({
      name: 'fleetgate_source_request_duration_seconds',
      help: 'Vendor call latency, by source and route',
      labelNames: ['source', 'kind', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    pollers: new Gauge({
      name: 'fleetgate_pollers',
      help: 'Pollers running on this replica (one per watched workflow or feed, however many subscribers)',
      registers: [registry],
    }),
    polls: new Counter({
      name: 'fleetgate_polls_total',
      help: 'Looks pollers have taken at the things they watch',
      registers: [registry],
    }),
    sourceCircuit: new Gauge({
      name: 'fleetgate_source_circuit_open',
      help: '1 while the source circuit breaker is open (calls are refused without trying)',
      labelNames: ['source', 'kind'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
