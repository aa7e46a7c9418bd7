import type { YogaServerOptions } from 'graphql-yoga';

type CorsOption = NonNullable<YogaServerOptions<object, object>['cors']>;

/**
 * Cross-origin access for browser pages on `origins` only: a listed Origin is granted
 * by name, any other gets no CORS headers at all (so the browser keeps its same-origin
 * rule). Credentials are never granted: callers authenticate with a bearer token their
 * page sends itself, never with cookies a browser would attach on its own.
 */
export function corsFor(origins: readonly string[]): CorsOption {
  const listed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !listed.has(origin)) return false;
    return {
      origin,
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'accept', 'x-fleetgate-vendor-calls', 'x-fleetgate-dry-run'],
      maxAge: 600,
    };
  };
}
