/**
 * `npm start`: with `--config FILE` serves the sources it lists; with no config, demo
 * mode (the simulators in-process). Exits non-zero with the offending field named when
 * the config is wrong. Everything it says is a JSON log line; demo mode on a terminal
 * also prints a banner for the person who just typed `npm start`.
 */
import './production-mode.js';
import { parseArgs } from 'node:util';
import { ConfigError, type GatewayConfig, loadConfigFile } from './config.js';
import { startDemo } from './demo.js';
import { createLogger, type Logger } from './log.js';
import { GatewayError } from './model/errors.js';
import { type Gateway, startGateway } from './server.js';
import { ADAPTERS } from './sources/kinds.js';
import { SimulatorError } from './simulators/kit/errors.js';
import { startTracing } from './tracing.js';

/** How long a stop lets requests in flight finish, unless SHUTDOWN_GRACE_MS says otherwise. */
const DEFAULT_GRACE_MS = 10_000;

async function main(logger: Logger) {
  const { values } = parseArgs({ options: { config: { type: 'string', short: 'c' } }, strict: true });
  const demo = values.config ? undefined : await startDemo();
  const config = demo ? demo.config : loadConfigFile(values.config as string);
  const tracing = await startTracing();
  if (tracing)
    logger.info({ endpoint: process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT }, 'tracing: spans go to OTLP');
  const gateway = await startGateway(config, { factories: ADAPTERS, logger, tracing: Boolean(tracing) });
  announce(logger, config, gateway);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    // A second signal is someone who will not wait for the drain.
    if (stopping) process.exit(130);
    stopping = true;
    const graceMs = Number(process.env.SHUTDOWN_GRACE_MS ?? DEFAULT_GRACE_MS);
    logger.info({ signal, graceMs }, 'Fleetgate is stopping: draining requests in flight');
    await gateway.close({ graceMs });
    await demo?.fleet.close();
    await tracing?.shutdown();
    logger.info('Fleetgate stopped');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function announce(logger: Logger, config: GatewayConfig, gateway: Gateway) {
  const endpoints = { graphql: `${gateway.url}/graphql`, health: `${gateway.url}/healthz`, ready: `${gateway.url}/readyz`, metrics: `${gateway.url}/metrics` };
  logger.info(
    { ...endpoints, graphiql: config.graphiql, sources: config.sources.map((s) => ({ id: s.id, kind: s.kind, url: s.url })), demo: config.demo ?? false },
    `Fleetgate is serving ${config.sources.length} sources at ${endpoints.graphql}`,
  );
  if (!config.demo) return;
  const admin = config.tokens.find((t) => t.role === 'admin')?.token;
  if (!process.stdout.isTTY) {
    logger.info({ demoAdminToken: admin }, 'demo mode: simulated backends; the admin token is demoAdminToken');
    return;
  }
  const lines = [
    '',
    `  Fleetgate demo: five simulated backends behind ${endpoints.graphql}`,
    config.graphiql ? `  GraphiQL:    open ${endpoints.graphql} in a browser on this machine (the token is filled in)` : '',
    `  Admin token: ${admin}${process.env.FLEETGATE_TOKEN ? ' (from FLEETGATE_TOKEN)' : ''}`,
    `    curl -H 'Authorization: Bearer ${admin}' -H 'content-type: application/json' \\`,
    `      -d '{"query":"{ fleetSummary { total } }"}' ${endpoints.graphql}`,
    '',
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
}

const logger = createLogger();
main(logger).catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof GatewayError || err instanceof SimulatorError) {
    logger.fatal({ code: err.code }, err.message);
  } else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    logger.fatal({ code: 'EADDRINUSE' }, `port ${process.env.PORT ?? 4000} is already in use (set PORT to use another)`);
  } else {
    logger.fatal({ err }, 'Fleetgate could not start');
  }
  process.exit(1);
});
