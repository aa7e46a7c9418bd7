import type { FormField } from '../../kit/body.js';
import type { Route, SimEnv } from '../../kit/definition.js';
import { handler, invalid, OteError, success } from '../envelope.js';
import { str } from '../params.js';
import type { OteState } from '../state.js';
import { APP_NAME, assertNewApp, VERSION } from './apps.js';

/** A helm chart is a gzip-compressed tarball; gzip streams start with these two bytes. */
const isGzip = (bytes: Buffer) => bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/** The text fields of a form, as the shared parameter readers take a body. */
const textFields = (form: ReadonlyMap<string, FormField>) =>
  Object.fromEntries([...form].flatMap(([name, field]) => (field.kind === 'text' ? [[name, field.value]] : [])));

/**
 * "Upload Helm Chart to Create Application": multipart/form-data with the fields
 * `appName`, `version` and the file `chart`. Another content type is refused with 415 in
 * the words the document gives its JSON-only calls for the same mistake.
 */
export function chartRoutes(env: SimEnv, state: OteState): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/app/chart',
      handle: handler((req) => {
        if (!req.form) throw new OteError(415, 'The Media Type of the request is not supported, it has to be "multipart/form-data"');
        const fields = textFields(req.form);
        const appName = str(fields, 'appName');
        if (!APP_NAME.test(appName)) throw invalid('appName must be lower-case letters, digits and -, at most 63 characters');
        const version = str(fields, 'version');
        if (!VERSION.test(version)) throw invalid('version must have the format x.x, for example 1.1');
        const chart = req.form.get('chart');
        if (chart?.kind !== 'file') throw invalid('chart is required: the chart file');
        if (!isGzip(chart.bytes)) throw invalid('chart must be a helm chart: a .tgz file');
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
