import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES, graphiqlFor } from '../../src/graphiql.js';
import { schema } from '../../src/schema/index.js';

describe('GraphiQL’s example operations', () => {
  it('are valid against the schema, so every one runs as shown', () => {
    const document = parse(EXAMPLE_QUERIES);
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
    expect(document.definitions.map((d) => ('operation' in d ? d.operation : d.kind))).toContain('subscription');
  });
});

describe('GraphiQL’s demo token', () => {
  const page = (token: string | undefined, url: string, remoteAddress?: string) =>
    graphiqlFor(token)(new Request(url), remoteAddress === undefined ? {} : { req: { socket: { remoteAddress } } });

  it('is filled in for a loopback peer calling a loopback name', () => {
    for (const [url, peer] of [
      ['http://localhost:4000/graphql', '127.0.0.1'],
      ['http://127.0.0.1:4000/graphql', '::ffff:127.0.0.1'],
      ['http://[::1]:4000/graphql', '::1'],
    ] as const) {
      expect(page('t0k3n', url, peer).headers, `${url} from ${peer}`).toBe(JSON.stringify({ Authorization: 'Bearer t0k3n' }));
    }
  });

  it('is left out for anyone else, and when there is none (outside demo mode)', () => {
    expect(page('t0k3n', 'http://localhost:4000/graphql', '10.1.2.3').headers).toBeUndefined();
    expect(page('t0k3n', 'http://gateway.example:4000/graphql', '127.0.0.1').headers).toBeUndefined();
    expect(page('t0k3n', 'http://localhost:4000/graphql').headers).toBeUndefined();
    expect(page(undefined, 'http://localhost:4000/graphql', '127.0.0.1').headers).toBeUndefined();
  });
});
