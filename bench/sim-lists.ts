/**
 * `npm run bench:sims`: the CPU a simulator spends answering each documented list call
 * (every GET in src/simulators/<kind>/documented.ts, with its valid request), at the
 * default fleet size. The simulators run in a process of their own (fleet-process.ts),
 * so only their CPU is counted (the process's own getrusage, asked for over IPC). Each
 * endpoint is called BENCH_WARMUP times uncounted, then BENCH_ROUNDS rounds of
 * BENCH_CALLS; the median round is printed, as ms of CPU per call, for each endpoint
 * and the largest per vendor: on a machine shared with other work a round can be slowed
 * by what else runs. */
import { fork } from 'node:child_process';
import { SOURCE_KINDS, type SourceKind } from '../src/model/source-kind.js';
import type { DocumentedApi, DocumentedClient } from '../src/simulators/kit/documented.js';

const CALLS = Number(process.env.BENCH_CALLS ?? 200);
// Calls before the counted ones: the first answers of a route run its code unoptimised
// (JIT compilation), a one-time cost a running simulator has paid long before.
const WARMUP = Number(process.env.BENCH_WARMUP ?? 50);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

type Fleet = Record<SourceKind, { url: string; credentials: Record<string, string> }>;

const child = fork(new URL('./fleet-process.ts', import.meta.url), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
const fleet = await new Promise<Fleet>((resolve) => child.once('message', (m) => resolve(m as Fleet)));
const cpuMs = () =>
  new Promise<number>((resolve) => {
    child.once('message', (m) => {
      const { user, system } = (m as { cpuUs: NodeJS.CpuUsage }).cpuUs;
      resolve((user + system) / 1000);
    });
    child.send('cpu');
  });

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
  const rows: { endpoint: string; ms: number; kb: number }[] = [];
  for (const endpoint of documented.endpoints.filter((e) => e.method === 'GET')) {
    const req = await endpoint.valid(api);
    const headers = { ...(req.signedIn === false ? {} : signed), ...req.headers };
    let bytes = 0;
    for (let i = 0; i < WARMUP; i++) bytes = JSON.stringify((await send(url, 'GET', req.path, headers)).body).length;
    const rounds: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const before = await cpuMs();
      for (let i = 0; i < CALLS; i++) await send(url, 'GET', req.path, headers);
      rounds.push(((await cpuMs()) - before) / CALLS);
    }
    rounds.sort((a, b) => a - b);
    rows.push({ endpoint: `GET ${endpoint.path}`, ms: rounds[Math.floor(ROUNDS / 2)] ?? 0, kb: bytes / 1024 });
  }
  const worst = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
  console.log(`${kind}: ${rows.length} documented GETs, largest ${worst.ms.toFixed(3)} ms CPU per call (${worst.endpoint})`);
  for (const r of rows) console.log(`  ${r.ms.toFixed(3).padStart(7)}  ${r.kb.toFixed(1).padStart(6)} KiB  ${r.endpoint}`);
}
child.disconnect();
