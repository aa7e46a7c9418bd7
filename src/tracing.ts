import { context, propagation, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/** Where Fleetgate's spans come from; a no-op until `startTracing` registers a provider. */
export const tracer = trace.getTracer('fleetgate');

/**
 * Tracing is on when the standard variables name an OTLP endpoint, and not switched
 * off by them: with nothing set, nothing is exported and no span is recorded.
 */
export function tracingWanted(env: Record<string, string | undefined>): boolean {
  if (env.OTEL_SDK_DISABLED === 'true' || env.OTEL_TRACES_EXPORTER === 'none') return false;
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_TRACES_EXPORTER === 'otlp');
}

export interface Tracing {
  /** Sends what is buffered and stops; a stop waits for it so the last requests' spans are not lost. */
  shutdown(): Promise<void>;
}

/**
 * Registers an OTLP/HTTP exporter configured by the OTEL_* variables (endpoint, headers,
 * protocol, sampler, resource attributes, service name; `fleetgate` when none is set).
 * The SDK is loaded only then: every other process (and every vendor call's module)
 * needs the API alone.
 */
export async function startTracing(env: Record<string, string | undefined> = process.env): Promise<Tracing | undefined> {
  if (!tracingWanted(env)) return undefined;
  const [{ OTLPTraceExporter }, { defaultResource, detectResources, envDetector, resourceFromAttributes }, { BatchSpanProcessor, NodeTracerProvider }] =
    await Promise.all([import('@opentelemetry/exporter-trace-otlp-http'), import('@opentelemetry/resources'), import('@opentelemetry/sdk-trace-node')]);
  const resource = defaultResource()
    .merge(resourceFromAttributes({ 'service.name': 'fleetgate' }))
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())] });
  provider.register();
  return {
    shutdown: async () => {
      await provider.shutdown();
      // Unregistered too, so a process that starts tracing again (tests) starts clean.
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/**
 * A vendor call as a child of the operation that made it. Calls made outside any traced
 * operation (pollers between updates) have no parent worth a trace and are not spanned.
 */
export function vendorSpan(source: string, kind: string, route: string): Span | undefined {
  if (!trace.getActiveSpan()?.isRecording()) return undefined;
  return tracer.startSpan(route, { kind: SpanKind.CLIENT, attributes: { 'fleetgate.source': source, 'fleetgate.source_kind': kind, 'http.route': route } });
}

/** Ends a vendor call's span with the vendor's status (0: none), the retries it took, and any error. */
export function endVendorSpan(span: Span | undefined, status: number, retries: number, error?: { code?: string; message?: string }): void {
  if (!span) return;
  span.setAttribute('http.response.status_code', status);
  span.setAttribute('fleetgate.retries', retries);
  if (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.message ?? '' });
    if (error.code) span.setAttribute('error.type', error.code);
  }
  span.end();
}
