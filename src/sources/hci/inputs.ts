import type { CreateClusterRequest } from '../../model/operations.js';
import type { InputShape, VendorInputs } from '../kit/inputs.js';

/** createCluster's `hci` block. */
export interface HciClusterParams {
  /** Address of the cluster's center node, which the platform joins. */
  centerIp: string;
  description?: string;
}

/** createCluster as an HCI source receives it: the `hci` block beside the common fields. */
export type HciCreateRequest = CreateClusterRequest & { hci?: HciClusterParams };

const CLUSTER: InputShape<HciClusterParams> = {
  name: 'HciClusterInput',
  description: 'createCluster’s parameters for an HCI source',
  fields: {
    centerIp: { type: 'String', required: true, description: 'Address of the cluster’s center node, which the platform joins' },
    description: { type: 'String', description: 'Free text kept with the cluster' },
  },
};

export const hciInputs: VendorInputs = { createCluster: { field: 'For an HCI source', shape: CLUSTER } };

/** hciSetDrs's input: what is given changes (the document's example sends DRS alone). */
export interface HciDrsChange {
  drs?: {
    enabled?: boolean;
    maxStep?: number;
    maxConcurrentMigrations?: number;
    maxHostConcurrentMigrations?: number;
    thresholdLevel?: number;
    minBenefitLevel?: number;
  };
  /** Thresholds as shares of 0..1, as the example sends them. */
  dpm?: { enabled?: boolean; highThreshold?: number; lowThreshold?: number };
}

/** hciSetOverAllocation's input: caps on use as shares of 0..1; what is given changes (the example sends two of four). */
export interface HciOverAllocationChange {
  storage?: number;
  cpu?: number;
  memory?: number;
  dataDisk?: number;
}

/** How the console shows a metadata backup interval (config/update's `display_option`). */
export const BACKUP_DISPLAY_OPTIONS = ['hour', 'day', 'week'] as const;
export type HciBackupDisplayOption = (typeof BACKUP_DISPLAY_OPTIONS)[number];

/** hciSetMetadataBackupSchedule's input: the document requires both. */
export interface HciMetadataBackupSchedule {
  intervalSeconds: number;
  displayOption: HciBackupDisplayOption;
}

/** The canvas `hci { networkTopology }` is drawn in, in pixels: the document's defaults are 760 × 550. */
export interface HciCanvas {
  width: number;
  height: number;
}

export const DEFAULT_CANVAS: HciCanvas = { width: 760, height: 550 };
