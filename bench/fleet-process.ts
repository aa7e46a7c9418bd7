/**
 * The benchmark's simulators, in a process of their own so the gateway's CPU is measured
 * apart from the vendors'. Started by bench/run.ts over IPC: sends the simulators' URLs
 * and credentials once they listen, and closes them when its parent disconnects.
 * SIM_* variables apply as for `npm run sim`.
 */
import { SOURCE_KINDS } from '../src/model/source-kind.js';
import { startFleet } from '../src/simulators/fleet.js';
import { simOptionsFromEnv } from '../src/simulators/kit/options.js';

const fleet = await startFleet(simOptionsFromEnv().common);
process.send!(Object.fromEntries(SOURCE_KINDS.map((kind) => [kind, { url: fleet.simulators[kind].url, credentials: fleet.simulators[kind].credentials }])));
// A parent measuring the simulators' CPU asks for it here: getrusage's microseconds, where
// /proc counts in 10 ms ticks.
process.on('message', (m) => {
  if (m === 'cpu') process.send!({ cpuUs: process.cpuUsage() });
});
process.once('disconnect', () => void fleet.close().finally(() => process.exit(0)));
