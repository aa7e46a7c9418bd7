import { lexicographicSortSchema, printSchema } from 'graphql';
import { auditMutations } from './audit.js';
import { builder, syncNodeIds } from './builder.js';
import { plainRelayReads } from './plain-reads.js';
import './types/source.js';
import './types/cluster.js';
import './types/cluster-details.js';
import './types/host.js';
import './types/host-details.js';
import './types/snapshot.js';
import './types/event.js';
import './types/deployment.js';
import './types/workflow.js';
import './types/fleet-summary.js';
import './types/config.js';
import './types/raw-data.js';
import './types/subscriptions.js';
import './types/vendors/dcos.js';
import './types/vendors/dws.js';
import './types/vendors/otestack.js';
import './types/errors.js';
import './types/mutations/clusters.js';
import './types/mutations/hosts.js';
import './types/mutations/snapshots.js';
import './types/mutations/deployments.js';

export const schema = auditMutations(plainRelayReads(syncNodeIds(builder.toSchema())));

/** The SDL committed as schema/schema.graphql; sorted so diffs show real changes only. */
export const printedSchema = () => `${printSchema(lexicographicSortSchema(schema))}\n`;
