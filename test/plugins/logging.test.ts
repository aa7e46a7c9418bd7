import { Writable } from 'node:stream';
import { createGraphQLError } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { NotFoundError } from '../../src/model/errors.js';
import { yogaLogger } from '../../src/plugins/logging.js';
import { SourceError } from '../../src/sources/errors.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: yogaLogger(createLogger('debug', sink)) };
}

const inResolver = (error: Error) => createGraphQLError(error.message, { originalError: error, path: ['clusters'] });

describe('yogaLogger', () => {
  it('logs a source failure at warn with its code and source, a caller’s mistake at debug, and only a bug at error', () => {
    const { lines, logger } = capture();
    logger.error(inResolver(new SourceError('SOURCE_TIMEOUT', 'GET /clusters did not answer', { sourceId: 'dws', sourceKind: 'dws', route: 'GET /clusters' })));
    logger.error(inResolver(new NotFoundError('Cluster', 'Q2x1c3Rlcjp4')));
    logger.error(inResolver(new TypeError("Cannot read properties of undefined (reading 'id')")));
    expect(lines.map((l) => [l.level, l.code ?? null, l.msg])).toEqual([
      [40, 'SOURCE_TIMEOUT', 'dws: GET /clusters did not answer'],
      [20, 'NOT_FOUND', 'Cluster Q2x1c3Rlcjp4 does not exist'],
      [50, null, 'unexpected error'],
    ]);
    expect(lines[0]).toMatchObject({ sourceId: 'dws', path: 'clusters' });
    expect(lines[2]).toMatchObject({ err: { type: 'TypeError' }, path: 'clusters' });
  });
});
