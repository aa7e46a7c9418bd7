import type { YogaLogger } from 'graphql-yoga';
import type { Logger } from '../log.js';
import { GatewayError } from '../model/errors.js';
import { isGraphQLError } from './error-masking.js';

/**
 * graphql-yoga's logger over pino. Yoga reports at `error` the original of every error
 * the mask replaced, which includes every error Fleetgate raises on purpose: those are
 * logged by code instead, a source's failure at `warn` (an operator wants to know) and a
 * caller's mistake (a bad id, a missing role) at `debug`, so `error` means a bug.
 */
export function yogaLogger(logger: Logger): YogaLogger {
  return {
    debug: (...args) => logger.debug({ args }, 'graphql-yoga'),
    info: (...args) => logger.info({ args }, 'graphql-yoga'),
    warn: (...args) => logger.warn({ args }, 'graphql-yoga'),
    error: (...args) => {
      for (const arg of args) logError(logger, arg);
    },
  };
}

function logError(logger: Logger, error: unknown): void {
  const original = isGraphQLError(error) && error.originalError ? error.originalError : error;
  const where = isGraphQLError(error) && error.path ? { path: error.path.join('.') } : {};
  if (original instanceof GatewayError) {
    const fields = { code: original.code, ...original.extensions(), ...where };
    if (original.code.startsWith('SOURCE_')) logger.warn(fields, original.message);
    else logger.debug(fields, original.message);
    return;
  }
  logger.error({ err: original, ...where }, 'unexpected error');
}
