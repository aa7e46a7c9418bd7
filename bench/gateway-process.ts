/**
 * The scale benchmark's gateway, in a process of its own so the RSS and CPU it reports
 * are the gateway's alone: not the benchmark's, not the simulators'. Started by
 * bench/scale.ts over IPC with the node flags `npm start` uses; it is sent the
 * simulators, answers with its URL once it listens, and answers 'usage' with its CPU
 * and the kernel's high-water mark of its RSS (which a timer sampling RSS can miss:
 * the peak comes while a vendor body is parsed, when no timer runs).
 */
import { DEFAULT_LIMITS, defaultHosts, type GatewayConfig } from '../src/config.js';
import { demoSource } from '../src/demo.js';
import { createLogger } from '../src/log.js';
import type { SourceKind } from '../src/model/source-kind.js';
import { startGateway } from '../src/server.js';
import { ADAPTERS } from '../src/sources/kinds.js';

export interface GatewayStart {
  simulators: { kind: SourceKind; url: string; credentials: Record<string, string> }[];
  token: string;
}

export interface GatewayUsage {
  cpuUs: number;
  rssBytes: number;
  maxRssBytes: number;
}

const start = await new Promise<GatewayStart>((resolve) => process.once('message', (m) => resolve(m as GatewayStart)));
const config: GatewayConfig = {
  port: 0,
  host: '127.0.0.1',
  graphiql: false,
  introspection: true,
  limits: DEFAULT_LIMITS,
  hosts: defaultHosts('127.0.0.1'),
  corsOrigins: [],
  // A list of 10,000 clusters is one large answer on a busy machine: no timeout in the way.
  sources: start.simulators.map((s) => ({ ...demoSource(s.kind, s), timeoutMs: 120_000 })),
  tokens: [{ name: 'bench', role: 'admin', token: start.token }],
  demo: false,
};
const gateway = await startGateway(config, { factories: ADAPTERS, logger: createLogger('silent') });
process.send!({ url: gateway.url });
process.on('message', (m) => {
  if (m !== 'usage') return;
  const cpu = process.cpuUsage();
  // resourceUsage's maxRSS is in KiB.
  const usage: GatewayUsage = { cpuUs: cpu.user + cpu.system, rssBytes: process.memoryUsage().rss, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  process.send!(usage);
});
process.once('disconnect', () => void gateway.close().finally(() => process.exit(0)));
