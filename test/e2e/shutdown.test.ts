import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { type DemoGateway, startDemoGateway } from '../helpers/gateway.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('stopping the gateway', { timeout: 120_000 }, () => {
  let demo: DemoGateway | undefined;
  afterEach(async () => {
    await demo?.fleet.close();
    demo = undefined;
  });

  it('lets a request in flight finish, refuses new connections, and tells graphql-ws subscribers it is going away', async () => {
    demo = await startDemoGateway({ env: { SIM_CLUSTERS: '4' } });
    const { gateway, fleet } = demo;
    const socket = new WebSocket(`${gateway.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const closedWith = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${demo.token}` } }));
    await new Promise((resolve) => socket.once('message', resolve));

    // The vendor answers slowly; the stop comes while the gateway waits for it.
    await fetch(`${fleet.simulators.tiem.url}/__sim/faults`, { method: 'POST', body: JSON.stringify({ latencyMs: 2_000 }) });
    fleet.simulators.tiem.resetStats();
    const slow = demo.run(parse('{ clusters(first: 3, filter: { sourceKinds: [TIEM] }) { edges { node { name } } } }'));
    await vi.waitFor(() => expect(fleet.simulators.tiem.stats().total).toBeGreaterThan(0), { timeout: 30_000, interval: 10 });

    const stopped = gateway.close({ graceMs: 60_000 });
    expect(await closedWith).toBe(1001);
    await expect(fetch(`${gateway.url}/healthz`)).rejects.toThrow();
    const answer = await slow;
    expect(answer.errors).toBeUndefined();
    expect((answer.data as { clusters: { edges: unknown[] } }).clusters.edges).toHaveLength(3);
    await stopped;
  });
});

// npm, tsx and demo mode start from cold here: on a busy 2-core machine that takes a while.
describe('npm start', { timeout: 180_000 }, () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
  });

  it('stops the gateway itself on SIGTERM, leaving nothing listening', async () => {
    child = spawn('npm', ['start', '--silent'], {
      cwd: root,
      env: { ...process.env, PORT: '0', SIM_CLUSTERS: '4', SHUTDOWN_GRACE_MS: '5000', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    const serving = /serving \d+ sources at (http:\/\/[^\s"]+)\/graphql/;
    await vi.waitFor(() => expect(output).toMatch(serving), { timeout: 150_000, interval: 50 });
    const url = serving.exec(output)?.[1] as string;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('Fleetgate stopped');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});

describe('a production install', () => {
  it('needs no dev dependency: every package src/ imports is a runtime dependency', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const builtins = new Set(builtinModules);
    const imported = new Map<string, string>();
    const seen = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts')) {
          const source = readFileSync(path, 'utf8');
          const specs = [...source.matchAll(/^(?:import|export)\b[^'"]*?from\s*'([^']+)'/gm), ...source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)];
          for (const [, spec] of specs) {
            const bare = spec as string;
            if (bare.startsWith('.') || bare.startsWith('node:') || builtins.has(bare)) continue;
            const name = bare.startsWith('@') ? bare.split('/').slice(0, 2).join('/') : (bare.split('/')[0] as string);
            seen.add(name);
            if (!(name in pkg.dependencies)) imported.set(name, path);
          }
        }
      }
    };
    walk(join(root, 'src'));
    expect(seen).toContain('graphql-yoga');
    // Type-only imports vanish from the emitted JavaScript; the rest must install with --omit=dev.
    expect(Object.fromEntries(imported)).toEqual({});
  });
});
