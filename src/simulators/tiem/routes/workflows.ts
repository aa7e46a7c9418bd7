import type { Route } from '../../kit/definition.js';
import { bodyObject } from '../../kit/http.js';
import type { TiemContext } from '../context.js';
import { ERR, fail, ok } from '../errors.js';
import { isPageRequest, paginate, readPage } from '../paging.js';
import { workflowDetail, workflowInfo } from '../render.js';
import { checkFields } from '../requests.js';

const BASE = '/api/v1/workflow';

export function workflowRoutes(ctx: TiemContext): Route[] {
  const { env, state, engine } = ctx;
  const notFound = (id: string) => fail(ERR.flowNotFound, `flow not found: ${id}`);
  return [
    {
      method: 'GET',
      path: `${BASE}/`,
      handle: (req) => {
        const paging = readPage(req.query);
        if (!isPageRequest(paging)) return paging;
        const q = (name: string) => req.query.get(name) || undefined;
        const [bizId, bizType, flowName, status] = ['bizId', 'bizType', 'flowName', 'status'].map(q);
        const matches = state.workflows
          .listed()
          .filter((w) => (!bizId || w.bizId === bizId) && (!bizType || w.bizType === bizType))
          .filter((w) => (!flowName || w.name === flowName) && (!status || w.status === status));
        const { items, page } = paginate(matches, paging);
        return ok({ workFlows: items.map(workflowInfo) }, page);
      },
    },
    {
      method: 'GET',
      path: `${BASE}/{workFlowId}`,
      handle: (req) => {
        const wf = state.workflows.get(req.params.workFlowId ?? '');
        return wf ? ok(workflowDetail(wf, env.clock.now())) : notFound(req.params.workFlowId ?? '');
      },
    },
    {
      method: 'POST',
      path: `${BASE}/stop`,
      handle: (req) => {
        const body = bodyObject(req);
        const problem = checkFields(body, ['workFlowId'], { workFlowId: 'string' });
        if (problem) return problem;
        const wf = state.workflows.get(body.workFlowId as string);
        if (!wf) return notFound(body.workFlowId as string);
        if (!engine.stop(wf, env.clock.now())) return fail(ERR.workflowStopFailed, `workflow stop failed: workflow ${wf.id} is already ${wf.status}`);
        return ok({});
      },
    },
  ];
}
