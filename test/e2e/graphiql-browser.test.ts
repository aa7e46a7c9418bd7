import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';
import { tiemCreateInput } from '../helpers/inputs.js';
import { ASSETS_PATH, renderGraphiQLPage } from '../../src/graphiql-page.js';

/** Debian's Chromium (.ci/run installs it); the flags keep it off this machine's closed network. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CREATE = parse(`mutation($input: CreateClusterInput!) { createCluster(input: $input) { ... on OperationPayload { workflow { id } } } }`);

let demo: DemoGateway;
let browser: Browser;
beforeAll(async () => {
  demo = await startDemoGateway({ env: { SIM_CLUSTERS: '6' } });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** GraphiQL opened on one operation (its wrapper reads `?query=`), noting every address the page asks for. */
async function openGraphiQL(operation: string): Promise<{ page: Page; requested: string[] }> {
  const page = await newPage();
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(`${demo.gateway.url}/graphql?query=${encodeURIComponent(operation)}`);
  await page.locator('.graphiql-execute-button').waitFor();
  return { page, requested };
}

/** A page with room for a busy machine: GraphiQL's script is 5 MB. */
async function newPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(90_000);
  return page;
}

/** What an editor shows; Monaco renders spaces as no-break spaces. */
const text = async (page: Page, selector: string) => (await page.locator(selector).innerText()).replace(/\u00a0/g, ' ');
const responseText = (page: Page) => text(page, '.graphiql-response');

describe('GraphiQL in a real browser', { timeout: 180_000 }, () => {
  it('opens on Fleetgate’s examples with the demo token filled in, from the gateway alone', async () => {
    const page = await newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto(`${demo.gateway.url}/graphql`);
    await page.locator('.graphiql-execute-button').waitFor();
    await expect.poll(() => text(page, '.graphiql-query-editor'), { timeout: 30_000 }).toContain('Welcome to Fleetgate');
    await page.getByText('Headers', { exact: true }).click();
    await expect.poll(() => text(page, '.graphiql-editor-tool'), { timeout: 30_000 }).toContain(`Bearer ${demo.token}`);
    expect(requested.filter((url) => !url.startsWith(demo.gateway.url) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    await page.close();
  });

  it('runs a query', async () => {
    const { page } = await openGraphiQL('{ fleetSummary { total } }');
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => responseText(page), { timeout: 60_000 }).toMatch(/"total": 30/);
    await page.close();
  });

  it('runs a subscription to its end, over SSE with the header editor’s token', async () => {
    const { data } = await demo.run(CREATE, { input: tiemCreateInput('e2e-graphiql-live') });
    const id = (data as { createCluster: { workflow: { id: string } } }).createCluster.workflow.id;
    const { page } = await openGraphiQL(`subscription { workflowProgress(id: "${id}") { workflow { id state progress } } }`);
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => responseText(page), { timeout: 60_000 }).toContain(id);
    // The simulator's clock, not real time, carries the workflow to its end.
    await expect
      .poll(
        async () => {
          demo.fleet.simulators.tiem.advance(30_000);
          return responseText(page);
        },
        { timeout: 60_000, interval: 100 },
      )
      .toContain('"state": "SUCCEEDED"');
    await page.screenshot({ path: join(tmpdir(), 'fleetgate-graphiql-subscription.png') });
    await page.close();
  });
});

describe('GraphiQL’s page and assets', () => {
  it('names no outside address, and a query or title cannot close its script', () => {
    const page = renderGraphiQLPage({ title: 'Fleet</title>', defaultQuery: '# </script><script>alert(1)</script>' });
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toContain('</script><script>alert(1)');
    expect(page).toContain('<title>Fleet&#60;/title&#62;</title>');
  });

  it('serves the named assets compressed, and nothing else under their path', async () => {
    const script = await fetch(`${demo.gateway.url}${ASSETS_PATH}yoga-graphiql.umd.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(script.status).toBe(200);
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect(script.headers.get('cache-control')).toContain('immutable');
    for (const path of ['%2e%2e/package.json', '..%2fpackage.json', 'yoga-graphiql.es.js', '']) {
      expect((await fetch(`${demo.gateway.url}${ASSETS_PATH}${path}`)).status).toBe(404);
    }
  });
});
