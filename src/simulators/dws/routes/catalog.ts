import type { Route } from '../../kit/definition.js';
import { json } from '../../kit/http.js';
import { AVAILABILITY_ZONES, DSS_POOLS, FLAVORS, type Flavor, VERSIONS, zoneSupply } from '../catalog.js';
import type { Project } from '../model.js';
import { route } from './shared.js';

/** A flavor's `detail` attribute list, as both node-type APIs show it. */
function detail(f: Flavor) {
  const disk = f.localDisk ? { type: f.localDisk.type, value: String(f.localDisk.size), unit: 'GB' } : { type: 'SSD', value: '100', unit: 'GB' };
  return [
    { type: 'vCPU', value: String(f.vcpus) },
    { value: disk.value, type: disk.type, unit: 'GB' },
    { type: 'mem', value: String(f.ram), unit: 'GB' },
  ];
}

const availableZones = (f: Flavor) => AVAILABILITY_ZONES.filter((z) => z.status === 'available').map((z) => ({ code: z.code, status: zoneSupply(f, z.code) }));

/**
 * NodeTypes (5.2.1). The table says a flavor has either `volume` (fixed storage) or
 * `elastic_volume_specs` (elastic), the other null; the example shows both filled in,
 * which is what we emit: `volume` is the typical per-node storage either way.
 */
const nodeTypeV2 = (f: Flavor) => ({
  spec_name: f.specName,
  id: f.id,
  datastore_type: f.datastoreType,
  architecture: f.architecture,
  available_zones: availableZones(f),
  ram: f.ram,
  vcpus: f.vcpus,
  datastores: VERSIONS.map((v) => ({ version: v.version, attachments: { min_cn: v.minCn, max_cn: v.maxCn }, role: v.role })),
  volume: { type: 'SSD', size: f.localDisk?.size ?? 100 },
  elastic_volume_specs: [{ type: 'SSD', step: 100, min_size: 100, max_size: 32000 }],
  detail: detail(f),
});

export function catalogRoutes(project: Project): Route[] {
  return [
    route('GET', '/v1.0/{project_id}/availability-zones', () =>
      json(200, {
        availability_zones: AVAILABILITY_ZONES.map((z) => ({ code: z.code, name: z.name, status: z.status, public_border_group: 'center' })),
        count: AVAILABILITY_ZONES.length,
      }),
    ),
    route('GET', '/v2/{project_id}/node-types', () => json(200, { node_types: FLAVORS.map(nodeTypeV2), count: FLAVORS.length })),
    // The Getting Started chapter queries the older v1.0 path, whose items are just name, id and detail.
    route('GET', '/v1.0/{project_id}/node_types', () =>
      json(200, { node_types: FLAVORS.map((f) => ({ spec_name: f.specName, id: f.id, detail: detail(f) })) }),
    ),
    route('GET', '/v1.0/{project_id}/dss-pools', () => json(200, { pools: DSS_POOLS.map((p) => ({ ...p, project_id: project.id })), count: DSS_POOLS.length })),
  ];
}
