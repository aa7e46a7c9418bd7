import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceKind } from '../../src/model/source-kind.js';
import { SIMULATORS } from '../../src/simulators/fleet.js';
import type { DocumentedApi, DocumentedCall, DocumentedClient, DocumentedEndpoint } from '../../src/simulators/kit/documented.js';
import { type RunningSimulator, startSimulator } from '../../src/simulators/kit/server.js';
import { call } from '../helpers/sim-client.js';

/** How many endpoints each document describes (counted in the document, not the list). */
const DOCUMENTED_COUNT: Record<SourceKind, number> = { tiem: 7, hci: 38, dcos: 35, dws: 66, otestack: 51 };

const KINDS = Object.keys(DOCUMENTED_COUNT) as SourceKind[];

/** Each vendor's list, or the reason it could not be loaded (reported by that vendor's tests only). */
const LISTS = new Map<SourceKind, DocumentedApi | Error>(
  await Promise.all(
    KINDS.map(async (kind) => {
      try {
        const mod = (await import(`../../src/simulators/${kind}/documented.ts`)) as { documented: DocumentedApi };
        return [kind, mod.documented] as const;
      } catch (err) {
        return [kind, err as Error] as const;
      }
    }),
  ),
);

const LISTED = KINDS.filter((kind) => !(LISTS.get(kind) instanceof Error));

it('every vendor has its document’s endpoint list', () => {
  expect(Object.fromEntries(KINDS.map((k) => [k, LISTS.get(k) instanceof Error ? String(LISTS.get(k)) : 'listed']))).toEqual(
    Object.fromEntries(KINDS.map((k) => [k, 'listed'])),
  );
});

describe.each(LISTED)('%s: every documented endpoint', (kind) => {
  let sim: RunningSimulator;
  let api: DocumentedApi;

  beforeAll(async () => {
    api = LISTS.get(kind) as DocumentedApi;
    sim = await startSimulator(SIMULATORS[kind], { clusters: 8 });
  });
  afterAll(() => sim?.close());

  async function send(endpoint: DocumentedEndpoint, example: (c: DocumentedClient) => DocumentedCall | Promise<DocumentedCall>) {
    sim.reset();
    const signed = await api.signIn(sim.url, sim.credentials);
    const client: DocumentedClient = {
      call: (method, path, body) => call(sim, method, path, { headers: signed, ...(body !== undefined ? { body } : {}) }),
    };
    const req = await example(client);
    sim.resetStats();
    const headers = { ...(req.signedIn === false ? {} : signed), ...req.headers };
    const res = await call(sim, endpoint.method, req.path, { headers, ...(req.body !== undefined ? { body: req.body } : {}) });
    return { req, res, routed: sim.stats().routes[`${endpoint.method} ${endpoint.path}`] ?? 0 };
  }

  it('lists as many endpoints as the document describes, each once', () => {
    expect(api.endpoints).toHaveLength(DOCUMENTED_COUNT[kind]);
    const keys = api.endpoints.map((e) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each((LISTS.get(kind) as DocumentedApi).endpoints.map((e) => [`${e.method} ${e.path}`, e] as const))('%s', async (_name, endpoint) => {
    const ok = await send(endpoint, endpoint.valid);
    expect(ok.routed, 'the valid request reached this route').toBe(1);
    expect(ok.res.status).toBe(ok.req.status);
    expect(api.isSuccess(ok.res.status, ok.res.body), `success envelope: ${ok.res.text.slice(0, 300)}`).toBe(true);

    const bad = await send(endpoint, endpoint.invalid);
    expect(bad.res.status).toBe(bad.req.status);
    expect(api.isError(bad.res.status, bad.res.body), `error envelope: ${bad.res.text.slice(0, 300)}`).toBe(true);
  });
});
