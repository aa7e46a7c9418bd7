import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTracing, type Tracing, tracingWanted } from '../../src/tracing.js';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';

interface OtlpSpan {
  name: string;
  spanId: string;
  parentSpanId?: string;
  traceId: string;
  attributes: { key: string; value: Record<string, unknown> }[];
}

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value && Object.values(value)[0];
};

describe('OpenTelemetry tracing', () => {
  let collector: Server;
  const spans: OtlpSpan[] = [];
  let tracing: Tracing | undefined;
  let demo: DemoGateway;

  beforeAll(async () => {
    // An OTLP/HTTP collector that keeps what it is sent.
    collector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const sent = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
        for (const r of sent.resourceSpans) for (const s of r.scopeSpans) spans.push(...s.spans);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    vi.stubEnv('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`);
    tracing = await startTracing();
    demo = await startDemoGateway({ tracing: true });
  });
  afterAll(async () => {
    await demo?.close();
    vi.unstubAllEnvs();
    await new Promise((resolve) => collector?.close(resolve));
  });

  it('is off unless the OTEL_* variables name an endpoint, and off when they say none', () => {
    expect(tracingWanted({})).toBe(false);
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
    expect(tracingWanted({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
  });

  it('exports a span per operation with a child span per vendor call it made', async () => {
    demo.resetCounts();
    const res = await fetch(`${demo.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${demo.token}` },
      body: JSON.stringify({ query: 'query Traced { clusters(first: 2, filter: { sourceKinds: [DWS] }) { edges { node { name } } } }' }),
    });
    expect(res.status).toBe(200);
    await tracing!.shutdown();

    const operation = spans.find((s) => s.name === 'query Traced');
    expect(operation, JSON.stringify(spans.map((s) => s.name))).toBeDefined();
    expect(attribute(operation!, 'graphql.operation.name')).toBe('Traced');
    const children = spans.filter((s) => s.parentSpanId === operation!.spanId);
    const made = demo.vendorCalls().dws!;
    expect(made.total).toBeGreaterThan(0);
    expect(children).toHaveLength(made.total);
    for (const child of children) {
      expect(child.traceId).toBe(operation!.traceId);
      expect(attribute(child, 'fleetgate.source')).toBe('dws');
      expect(made.routes[attribute(child, 'http.route') as string]).toBeGreaterThan(0);
      expect(Number(attribute(child, 'http.response.status_code'))).toBeGreaterThanOrEqual(200);
      expect(Number(attribute(child, 'http.response.status_code'))).toBeLessThan(300);
      expect(Number(attribute(child, 'fleetgate.retries'))).toBe(0);
    }
  });
});
