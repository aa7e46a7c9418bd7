/**
 * `npm start`: with `--config FILE` serves the sources it lists; with no config, demo
 * mode (the simulators in-process). Exits non-zero with the offending field named when
 * the config is wrong.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFile } from './config.js';
import { startDemo } from './demo.js';
import { createLogger } from './log.js';
import { GatewayError } from './model/errors.js';
import { startGateway } from './server.js';
import { ADAPTERS } from './sources/kinds.js';
import { SimulatorError } from './simulators/kit/errors.js';

async function main() {
  const { values } = parseArgs({ options: { config: { type: 'string', short: 'c' } }, strict: true });
  const logger = createLogger();
  const demo = values.config ? undefined : await startDemo();
  const config = demo ? demo.config : loadConfigFile(values.config as string);
  const gateway = await startGateway(config, { factories: ADAPTERS, logger });

  const lines = [`Fleetgate is serving ${config.sources.length} sources at ${gateway.url}/graphql`];
  if (config.graphiql) lines.push(`  GraphiQL:  open ${gateway.url}/graphql in a browser`);
  lines.push(`  Health:    ${gateway.url}/healthz   ${gateway.url}/readyz   ${gateway.url}/metrics`);
  if (demo) {
    const admin = config.tokens.find((t) => t.role === 'admin');
    lines.push('  Demo mode: simulated backends (no --config given):');
    for (const s of config.sources) lines.push(`    ${s.id.padEnd(9)} ${s.url}`);
    lines.push(`  Admin token (GraphiQL has it filled in): ${admin?.token}${process.env.FLEETGATE_TOKEN ? ' (from FLEETGATE_TOKEN)' : ''}`);
    lines.push(`    curl -H 'Authorization: Bearer ${admin?.token}' -H 'content-type: application/json' \\`);
    lines.push(`      -d '{"query":"{ fleetSummary { total } }"}' ${gateway.url}/graphql`);
  }
  console.log(lines.join('\n'));

  const stop = async () => {
    await gateway.close();
    await demo?.fleet.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof GatewayError || err instanceof SimulatorError) {
    console.error(`fleetgate: ${err.message} (${err.code})`);
  } else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`fleetgate: port ${process.env.PORT ?? 4000} is already in use (set PORT to use another)`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
