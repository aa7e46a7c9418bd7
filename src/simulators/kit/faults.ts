import { z } from 'zod';

/**
 * Faults a test or benchmark can switch on at `POST /__sim/faults`. Fields left out of a
 * request keep their value; `POST /__sim/reset` turns them all off.
 */
export const faultsSchema = z
  .object({
    /** Added to every response, in real milliseconds. */
    latencyMs: z.number().int().min(0).max(600_000),
    /** Up to this much more, drawn per request. */
    jitterMs: z.number().int().min(0).max(600_000),
    /** Share of requests answered with `errorStatus` in the vendor's error shape. */
    errorRate: z.number().min(0).max(1),
    errorStatus: z.number().int().min(400).max(599),
    /** Connections are dropped without an answer (the control surface stays up). */
    down: z.boolean(),
    /** Bodies are not valid JSON. */
    malformed: z.boolean(),
    /** Bodies stop half way: the connection closes before Content-Length bytes. */
    truncated: z.boolean(),
    /** Error responses are a proxy's HTML page instead of the vendor's JSON. */
    htmlErrors: z.boolean(),
    /** `true` expires every token issued so far (it is an action, not a mode). */
    expireTokens: z.boolean(),
    /** Share of long-running operations started from now on that end in failure. */
    operationFailureRate: z.number().min(0).max(1),
    /**
     * The routes the other faults hit, named as in `/__sim/stats` (`"GET /v1/clusters"`);
     * empty means every route. A test can fail one per-item call, or the write after a
     * successful read, and leave the rest of the vendor answering.
     */
    routes: z.array(z.string().regex(/^(GET|POST|PUT|PATCH|DELETE) \//, 'a route is "METHOD /path" as /__sim/stats names it')).max(100),
  })
  .strict();

export type Faults = z.infer<typeof faultsSchema>;

export const noFaults = (operationFailureRate: number): Faults => ({
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  errorStatus: 500,
  down: false,
  malformed: false,
  truncated: false,
  htmlErrors: false,
  expireTokens: false,
  operationFailureRate,
  routes: [],
});

export function htmlErrorPage(status: number): string {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** A body that starts like JSON and then is not. */
export function malformedBody(text: string): string {
  return `${text.slice(0, Math.max(1, Math.floor(text.length / 2)))}<!-- upstream reset -->{"`;
}
