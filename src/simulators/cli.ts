/**
 * `npm run sim`: the five vendor simulators on their default (or SIM_<KIND>_PORT) ports,
 * for pointing a Fleetgate config, curl or your own integration tests at.
 */
import { SOURCE_KINDS } from '../model/source-kind.js';
import { SIMULATORS, startFleet } from './fleet.js';
import { SimulatorError } from './kit/errors.js';
import { simOptionsFromEnv } from './kit/options.js';

async function main() {
  const { common, ports } = simOptionsFromEnv();
  const withDefaults = Object.fromEntries(SOURCE_KINDS.map((k) => [k, ports[k] ?? SIMULATORS[k].defaultPort]));
  const fleet = await startFleet({ ...common, ports: withDefaults });
  console.log(`Fleetgate simulators (seed ${common.seed}, ${common.clusters} clusters each, speed ×${common.speed})`);
  for (const kind of SOURCE_KINDS) {
    const sim = fleet.simulators[kind];
    const creds = Object.entries(sim.credentials)
      .map(([k, v]) => `${k}=${v}`)
      .join('  ');
    console.log(`  ${kind.padEnd(9)} ${sim.url.padEnd(24)} ${SIMULATORS[kind].title}${creds ? `\n  ${''.padEnd(9)} credentials: ${creds}` : ''}`);
  }
  console.log('Control surface on each: GET /__sim/stats, POST /__sim/faults, POST /__sim/reset, POST /__sim/clock');
  const stop = () => {
    fleet.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof SimulatorError ? `error ${err.code}: ${err.message}` : err);
  process.exit(1);
});
