import pino from 'pino';

/**
 * Structured logs (pino). Vendor credentials travel in headers and bodies, so those
 * paths are redacted here once rather than remembered at every log call.
 * `destination` (default stdout) lets a test collect every line the gateway writes.
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'fleetgate' },
    redact: {
      paths: ['*.authorization', '*.password', '*.token', '*["x-auth-token"]', '*.headers.authorization', '*.headers["x-auth-token"]', '*.credentials'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type Logger = ReturnType<typeof createLogger>;
