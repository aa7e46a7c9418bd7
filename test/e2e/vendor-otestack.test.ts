import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OtestackCatalogueDocument } from '../generated/operations.js';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';
import { call } from '../helpers/sim-client.js';

/** OTE-stack's own root (`otestack(sourceId:)`) through `/graphql`, against the demo's simulator. */

let demo: DemoGateway;
beforeAll(async () => {
  demo = await startDemoGateway();
});
afterAll(() => demo.close());

/** The simulator's own catalogue, read with a token of our own. */
async function vendorApps(): Promise<{ id: number; appName: string; version: string }[]> {
  const sim = demo.fleet.simulators.otestack;
  const token = (await call(sim, 'POST', '/v1/authorization', { body: sim.credentials })).body.token;
  const body = (await call(sim, 'GET', '/v1/app?pageSize=0', { headers: { authorization: token } })).body;
  return body.apps ?? body.data;
}

describe('otestack(sourceId:)', () => {
  it('lists every version of every application in the catalogue, as the vendor has them, in one walk', async () => {
    const expected = await vendorApps();
    demo.resetCounts();
    const { data, errors } = await demo.run(OtestackCatalogueDocument, { sourceId: 'otestack' });
    expect(errors).toBeUndefined();
    const apps = data!.otestack!.applications;
    expect(apps.map((a) => [a.nativeId, a.name, a.version])).toEqual(expected.map((a) => [String(a.id), a.appName, a.version]));
    expect(apps.length).toBeGreaterThan(0);
    for (const a of apps) {
      expect(['deployment', 'daemonset']).toContain(a.workload);
      expect(a.ports.length).toBeGreaterThan(0);
    }
    expect(demo.vendorCalls().otestack!.routes['GET /v1/app']).toBe(Math.max(1, Math.ceil(expected.length / 100)));
  });

  it('filters by a part of the name, as the vendor’s partial match does', async () => {
    const all = await vendorApps();
    const part = all[0]!.appName.slice(1, 4);
    const { data } = await demo.run(OtestackCatalogueDocument, { sourceId: 'otestack', nameContains: part });
    const names = data!.otestack!.applications.map((a) => a.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.includes(part))).toBe(true);
    expect(new Set(names)).toEqual(new Set(all.filter((a) => a.appName.includes(part)).map((a) => a.appName)));
  });

  it('names the sourceId argument when it is no OTE-stack source, and asks no vendor', async () => {
    demo.resetCounts();
    for (const [sourceId, says] of [
      ['dws', 'is a dws source, not OTE-stack'],
      ['nowhere', 'no source "nowhere" is configured'],
    ] as const) {
      const { data, errors } = await demo.run(OtestackCatalogueDocument, { sourceId });
      expect(data?.otestack ?? null).toBeNull();
      expect(errors?.[0]).toMatchObject({ message: expect.stringContaining(says), extensions: { code: 'VALIDATION_FAILED' } });
    }
    expect(Object.values(demo.vendorCalls()).reduce((n, s) => n + s.total, 0)).toBe(0);
  });
});
