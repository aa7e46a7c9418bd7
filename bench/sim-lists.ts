/**
 * `npm run bench:sims`: the CPU a simulator spends answering each documented list call
 * (every GET in src/simulators/<kind>/documented.ts, with its valid request), at the
 * default fleet size. The simulators run in a process of their own (fleet-process.ts),
 * so only their CPU is counted, read from /proc (Linux). Prints ms of CPU per call for
 * each endpoint and the largest per vendor.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SOURCE_KINDS, type SourceKind } from '../src/model/source-kind.js';
import type { DocumentedApi, DocumentedClient } from '../src/simulators/kit/documented.js';

const CALLS = Number(process.env.BENCH_CALLS ?? 200);
const TICK_MS = 10;

type Fleet = Record<SourceKind, { url: string; credentials: Record<string, string> }>;

const child = fork(new URL('./fleet-process.ts', import.meta.url), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
const fleet = await new Promise<Fleet>((resolve) => child.once('message', (m) => resolve(m as Fleet)));
const cpuMs = () => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
};

const send = async (url: string, method: string, path: string, headers: Record<string, string>, body?: unknown) => {
  const res = await fetch(url + path, {
    method,
    headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  // A key or chart download is not JSON; the examples read only JSON bodies.
  const json = res.headers.get('content-type')?.includes('json');
  return { status: res.status, body: json && text ? JSON.parse(text) : text };
};

for (const kind of SOURCE_KINDS) {
  const { documented } = (await import(`../src/simulators/${kind}/documented.ts`)) as { documented: DocumentedApi };
  const { url, credentials } = fleet[kind];
  const signed = await documented.signIn(url, credentials);
  const api: DocumentedClient = { call: (method, path, body) => send(url, method, path, signed, body) };
  const rows: { endpoint: string; ms: number }[] = [];
  for (const endpoint of documented.endpoints.filter((e) => e.method === 'GET')) {
    const req = await endpoint.valid(api);
    const headers = { ...(req.signedIn === false ? {} : signed), ...req.headers };
    const before = cpuMs();
    for (let i = 0; i < CALLS; i++) await send(url, 'GET', req.path, headers);
    rows.push({ endpoint: `GET ${endpoint.path}`, ms: (cpuMs() - before) / CALLS });
  }
  const worst = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
  console.log(`${kind}: ${rows.length} documented GETs, largest ${worst.ms.toFixed(3)} ms CPU per call (${worst.endpoint})`);
  for (const r of rows) console.log(`  ${r.ms.toFixed(3).padStart(7)}  ${r.endpoint}`);
}
child.disconnect();
