import type { GraphiQLOptions } from 'graphql-yoga';
import { hostnameOf, isLoopback } from './hosts.js';

/** What GraphiQL opens with: a first look at the whole fleet, ready to run. */
export const EXAMPLE_QUERIES = `# Welcome to Fleetgate: one schema over every configured source.
# Run this, then try the other operations below (pick one with the ▶ menu).

query Fleet {
  sources { sourceId kind name health latencyMs lastError { code message } }
  fleetSummary { total groups { source { sourceId } kind status count } }
}

query Clusters {
  clusters(first: 10, orderBy: { field: NAME, direction: ASC }) {
    totalCount
    missingSources { sourceId code message }
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id name kind status rawStatus version region
        source { sourceId kind }
        usage { cpu { ratio } memory { used total ratio } }
        hosts(first: 3, orderBy: { field: STATUS }) { totalCount edges { node { name addresses status role } } }
      }
    }
  }
}

query Unhealthy {
  clusters(first: 20, filter: { status: [FAILED, DEGRADED] }) {
    edges { node { name status rawStatus source { sourceId } } }
  }
}

query RecentEvents {
  events(first: 20) {
    edges { node { occurredAt severity message cluster { name } source { sourceId } } }
  }
}

query ActiveWorkflows {
  workflows(first: 20, filter: { active: true }) {
    edges { node { id kind state progress message startedAt cluster { name } } }
  }
}

# OTE-stack deployments an administrator must decide (status AWAITING_APPROVAL) ...
query AwaitingApproval {
  deployments(first: 50) { edges { node { id name application version status cluster { name } source { sourceId } } } }
}

# ... and the decision (operators), with {"id": "…"} from above in Variables. The
# workflow returned follows the operation approval lets run; rejectDeployment needs a comment.
mutation Approve($id: ID!) {
  approveDeployment(id: $id, comment: "approved from Fleetgate") {
    __typename
    ... on OperationPayload { workflow { id kind state progress message } }
    ... on ValidationError { field message }
    ... on SourceError { code vendorMessage }
  }
}

# Live: every workflow change on every source as it happens (stop it with ■).
# For one workflow, workflowProgress(id: "…") with an id from ActiveWorkflows.
subscription WorkflowChanges {
  workflowUpdates {
    workflow { kind state progress message cluster { name } source { sourceId } }
    error { sourceId code message }
  }
}

# A vendor's own capabilities, under its root field: what a DWS create form offers
# (createCluster's dws.availabilityZone takes a zone's code, dws.nodeType a flavor's
# nativeId), and the alarms still raised. The demo's DWS source is "dws".
query DwsCreateForm {
  dws(sourceId: "dws") {
    availabilityZones { code name available }
    nodeTypes { nativeId specName vcpus memoryBytes zones { code available } versions { version stable } }
    quotas { resource used limit remaining unit }
    alarms(active: true) { name severity raisedAt clusterId }
  }
}

# OTE-stack's own: what an application needs (images with their tags, the external
# registries it may pull with) and the catalogue; the demo's OTE-stack source is "otestack".
query OtestackCatalogue {
  otestack(sourceId: "otestack") {
    applications { nativeId name version workload image minCpuCores maxMemoryBytes }
    images(projectName: "vsm") { name tags { tag reference } }
    externalRepositories { repositoryId address user }
    businesses { name status namespace }
  }
}

# ... and a new application version from one of those images (operators); it is in the
# catalogue at once (no workflow), ready for createDeployment.
mutation AddApplication {
  otestackCreateApplication(sourceId: "otestack", input: {
    name: "people-count", version: "1.0", workload: DEPLOYMENT,
    image: "registry.dcdn.baidu.com/vsm/face-detect:latest", repositoryId: "harbor-edge",
    ports: [{ port: 8080 }], replicas: 2, minCpuCores: 0.5, maxCpuCores: 2,
    minMemoryMib: 256, maxMemoryMib: 1024, autoscaled: false,
    targetCpuPercent: 80, targetMemoryPercent: 80, maxUnavailable: 1, maxSurge: 1, minReadySeconds: 5
  }) {
    __typename
    ... on ValidationError { field message }
    ... on SourceError { code vendorMessage }
  }
}

# DC/OS's own: the docker registries and SSH keys its clusters draw on (a registry's
# nativeId is createCluster's dcos.registryIds, a key's dcosAddClusterPublicKeys'
# publicKeyIds); the demo's DC/OS source is "dcos".
query DcosCatalogue {
  dcos(sourceId: "dcos") {
    dockerRegistries { nativeId name address secure inUse }
    publicKeys { nativeId name owner inUse }
  }
}

# What one vendor alone knows of a unified object is its typed details: each DC/OS
# node's system components and their health (one vendor call per cluster, if selected).
query DcosNodeHealth {
  hosts(first: 20, filter: { sourceKinds: [DCOS], status: [ONLINE] }) {
    edges { node { name role cluster { name } details { ... on DcosHostDetails { components { name healthy rawStatus } } } } }
  }
}

# HCI's: each cluster's latest inspection finding by finding (alarms and faults only),
# and its hosts with the most disk write I/O wait.
query HciHealth {
  clusters(first: 5, filter: { sourceKinds: [HCI] }) {
    edges { node { id name status details { ... on HciClusterDetails {
      inspection { state score findings(atLeast: ALARM) { category hostName itemName level value suggestion } }
      topHosts(by: DISK_WRITE_IOWAIT, count: 3) { hostName diskWriteIowait cpuPercent }
    } } } }
  }
}

# ... and one cluster's network as the HCI console draws it, with {"clusterId": "…"}
# (an id from HciHealth) in Variables: each host at its place in the canvas, its VMs
# around it.
query HciTopology($clusterId: ID!) {
  hci(sourceId: "hci") {
    networkTopology(clusterId: $clusterId, width: 760, height: 550) {
      clusterName
      hosts {
        address hostId x y interfaces { address healthy }
        platformVms { type name } securityVms { type name tenantId } vms { name x y }
      }
    }
  }
}

# TiEM's: monitoring, disaster recovery, access and backup storage of each cluster, read
# from the list's own answer; what it was created with (resources) costs a detail call.
query TiemClusters {
  clusters(first: 10, filter: { sourceKinds: [TIEM] }) {
    edges { node { name status details { ... on TiemClusterDetails {
      grafanaUrl alertmanagerUrl drRole drMasterIds drSlaveIds maintenanceWindow tls whitelist
      backupStorage { used total unit } resources { component spec zone count }
    } } } }
  }
}

# Admins only: the vendor's own record behind each cluster, secrets removed.
query VendorRecords {
  clusters(first: 3) { edges { node { name source { sourceId } rawStatus rawData } } }
}
`;

/** What a Node request carries under yoga: the socket it came in on. */
interface NodeServerContext {
  req?: { socket?: { remoteAddress?: string } };
}

/**
 * GraphiQL's settings per request. `token` (demo mode only) is filled in only for a
 * browser on this machine talking to it by a loopback name: the socket's peer is a
 * loopback address and the Host is one too. Anyone else gets the page without it and
 * sends a token of their own.
 */
export function graphiqlFor(token?: string): (request: Request, context?: object) => GraphiQLOptions {
  return (request, context) => {
    const peer = (context as NodeServerContext | undefined)?.req?.socket?.remoteAddress;
    const local = peer !== undefined && isLoopback(peer) && isLoopback(hostnameOf(request.url));
    return {
      title: 'Fleetgate',
      defaultQuery: EXAMPLE_QUERIES,
      // Over SSE a subscription carries the header editor's token like any request;
      // GraphiQL's WebSocket client would connect without it and be refused.
      subscriptionsProtocol: 'GRAPHQL_SSE',
      ...(token && local ? { headers: JSON.stringify({ Authorization: `Bearer ${token}` }) } : {}),
    };
  };
}
