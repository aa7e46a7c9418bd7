import pino from 'pino';

/**
 * Structured logs (pino). Vendor credentials travel in headers and bodies, so those
 * paths are redacted here once rather than remembered at every log call.
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info') {
  return pino({
    level,
    base: { service: 'fleetgate' },
    redact: {
      paths: ['*.authorization', '*.password', '*.token', '*["x-auth-token"]', '*.headers.authorization', '*.headers["x-auth-token"]', '*.credentials'],
      censor: '[redacted]',
    },
  });
}

export type Logger = ReturnType<typeof createLogger>;
