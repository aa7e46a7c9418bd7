import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBodyLimit } from '../../src/plugins/body-limit.js';

const LIMIT = 1024;
let server: Server;
let port: number;

beforeAll(async () => {
  const schema = createSchema({
    typeDefs: 'type Query { echo(text: String!): Int! }',
    resolvers: { Query: { echo: (_: unknown, a: { text: string }) => a.text.length } },
  });
  const yoga = createYoga({ schema, maxRequestBodySize: false, logging: false, plugins: [useBodyLimit(LIMIT)] });
  server = createServer(yoga);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** A POST over a real socket: `chunks` sent chunked (no Content-Length) unless `contentLength` is given. */
async function post(chunks: string[], contentLength?: string): Promise<{ status: number; body: string }> {
  const req = request({
    host: '127.0.0.1',
    port,
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(contentLength ? { 'content-length': contentLength } : {}) },
  });
  const answered = once(req, 'response');
  req.on('error', () => {}); // the server may close the socket while a refused body is still being sent
  for (const c of chunks) req.write(c);
  req.end();
  const [res] = (await answered) as [import('node:http').IncomingMessage];
  let body = '';
  for await (const part of res) body += part;
  return { status: res.statusCode ?? 0, body };
}

const queryOf = (n: number) => JSON.stringify({ query: `{ echo(text: "${'x'.repeat(n)}") }` });

describe('the request body limit', () => {
  it('serves a body that declares a length within the limit', async () => {
    const body = queryOf(100);
    const res = await post([body], String(Buffer.byteLength(body)));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ data: { echo: 100 } });
  });

  it('refuses a body that declares a length over the limit, with 413 and the code', async () => {
    const body = queryOf(LIMIT);
    const res = await post([body], String(Buffer.byteLength(body)));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).errors[0]).toMatchObject({ message: 'Request body too large', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } });
  });

  it('serves a chunked body within the limit whole, however it is split', async () => {
    const body = queryOf(LIMIT - 100);
    const res = await post([body.slice(0, 10), body.slice(10, 500), body.slice(500)]);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ data: { echo: LIMIT - 100 } });
  });

  it('refuses a chunked body once it passes the limit', async () => {
    const body = queryOf(4 * LIMIT);
    const res = await post([body.slice(0, LIMIT / 2), body.slice(LIMIT / 2)]);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  it('refuses a chunked body of exactly one byte more than the limit, and serves one of exactly the limit', async () => {
    const exact = queryOf(LIMIT - queryOf(0).length);
    expect(Buffer.byteLength(exact)).toBe(LIMIT);
    expect((await post([exact])).status).toBe(200);
    expect((await post([`${exact} `])).status).toBe(413);
  });
});
