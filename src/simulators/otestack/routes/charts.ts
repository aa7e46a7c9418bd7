import type { Route, SimEnv } from '../../kit/definition.js';
import { bodyObject } from '../../kit/http.js';
import { handler, invalid, success } from '../envelope.js';
import { str } from '../params.js';
import type { OteState } from '../state.js';
import { APP_NAME, assertNewApp, VERSION } from './apps.js';

/** A helm chart is a gzip-compressed tarball; gzip streams start with these two bytes. */
const isGzip = (bytes: Buffer) => bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * "Upload Helm Chart to Create Application". The document sends multipart/form-data; the
 * simulator runtime parses request bodies as JSON, so the same three fields arrive as a
 * JSON object with the chart file base64-encoded (see the README's table of simulator choices).
 */
export function chartRoutes(env: SimEnv, state: OteState): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/app/chart',
      handle: handler((req) => {
        const body = bodyObject(req);
        const appName = str(body, 'appName');
        if (!APP_NAME.test(appName)) throw invalid('appName must be lower-case letters, digits and -, at most 63 characters');
        const version = str(body, 'version');
        if (!VERSION.test(version)) throw invalid('version must have the format x.x, for example 1.1');
        const chart = str(body, 'chart');
        if (!isGzip(Buffer.from(chart, 'base64'))) throw invalid('chart must be a helm chart: a .tgz file, base64-encoded');
        assertNewApp(state, appName, version);
        const now = env.clock.now();
        // What the chart's templates hold stays in the chart: the record keeps the catalog fields at their defaults.
        state.apps.push({
          id: state.nextId.app++,
          appName,
          status: 1,
          deployType: 'deployment',
          image: '',
          projectName: '',
          repositoryId: '',
          version,
          replicas: 1,
          port: [],
          command: '',
          volume: [],
          dependence: [],
          env: [],
          minReplicas: 1,
          maxReplicas: 1,
          minCPU: 0,
          maxCPU: 0,
          GPU: 0,
          isHPA: false,
          targetCPUUtilization: 0,
          targetMemUtilization: 0,
          minMemory: 0,
          maxMemory: 0,
          maxUnavailable: 0,
          maxSurge: 0,
          minReadySeconds: 0,
          createdAt: now,
          updatedAt: now,
        });
        return success();
      }),
    },
  ];
}
