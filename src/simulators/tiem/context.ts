import type { SimEnv } from '../kit/definition.js';
import type { ClusterOperations } from './operations.js';
import type { Account } from './routes/auth.js';
import type { TiemState } from './state.js';
import type { WorkflowEngine } from './workflows.js';

/** Everything one simulator instance's routes share. */
export interface TiemContext {
  env: SimEnv;
  state: TiemState;
  engine: WorkflowEngine;
  ops: ClusterOperations;
  account: Account;
}
