import { describe, expect, it } from 'vitest';
import { filterFields, fullyPushedDown, matcher, pushedDownPart } from '../../src/lists/filter.js';
import type { Cluster, Event, Host, Snapshot, Workflow } from '../../src/model/entities.js';
import type { ClusterFilter } from '../../src/model/entity-types.js';

const cluster = (fields: Partial<Cluster> = {}) =>
  ({
    sourceId: 's',
    nativeId: 'c1',
    name: 'Orders-DB',
    status: 'RUNNING',
    labels: [
      { key: 'env', value: 'prod' },
      { key: 'edge', value: '' },
    ],
    ...fields,
  }) as Cluster;
const matchesCluster = (filter: ClusterFilter, item = cluster()) => matcher('clusters', filter)(item);

describe('matcher', () => {
  it('matches everything with an empty filter, and ignores keys set to undefined or null', () => {
    expect(matchesCluster({})).toBe(true);
    expect(matchesCluster({ nameContains: undefined, status: null as never })).toBe(true);
  });

  it('matches a name part without case', () => {
    expect(matchesCluster({ nameContains: 'orders' })).toBe(true);
    expect(matchesCluster({ nameContains: 'S-D' })).toBe(true);
    expect(matchesCluster({ nameContains: 'users' })).toBe(false);
    // An item without a name holds no part of one, not even a letter every word has.
    for (const part of ['x', 'e']) expect(matchesCluster({ nameContains: part }, cluster({ name: undefined as never }))).toBe(false);
  });

  it('matches a status from the list; an empty list matches every status', () => {
    expect(matchesCluster({ status: ['FAILED', 'RUNNING'] })).toBe(true);
    expect(matchesCluster({ status: ['FAILED'] })).toBe(false);
    expect(matchesCluster({ status: [] })).toBe(true);
  });

  it('matches a label by key and value, and a key-only label whatever its value', () => {
    expect(matchesCluster({ labels: [{ key: 'env', value: 'prod' }] })).toBe(true);
    expect(matchesCluster({ labels: [{ key: 'env', value: 'dev' }] })).toBe(false);
    expect(matchesCluster({ labels: [{ key: 'env' }] })).toBe(true);
    expect(matchesCluster({ labels: [{ key: 'edge' }] })).toBe(true);
    expect(matchesCluster({ labels: [{ key: 'team' }] })).toBe(false);
    expect(matchesCluster({ labels: [{ key: 'env' }] }, cluster({ labels: undefined as never }))).toBe(false);
    expect(matchesCluster({ labels: [] })).toBe(true);
  });

  it('matches a label given with an empty value whatever its value, as the schema documents', () => {
    expect(matchesCluster({ labels: [{ key: 'env', value: '' }] })).toBe(true);
    expect(matchesCluster({ labels: [{ key: 'edge', value: '' }] })).toBe(true);
  });

  it('needs every label asked for', () => {
    expect(matchesCluster({ labels: [{ key: 'env', value: 'prod' }, { key: 'edge' }] })).toBe(true);
    expect(matchesCluster({ labels: [{ key: 'env', value: 'prod' }, { key: 'team' }] })).toBe(false);
  });

  it('checks every key of the filter', () => {
    expect(matchesCluster({ nameContains: 'orders', status: ['RUNNING'], labels: [{ key: 'env' }] })).toBe(true);
    expect(matchesCluster({ nameContains: 'orders', status: ['FAILED'], labels: [{ key: 'env' }] })).toBe(false);
  });

  it('matches the cluster id on a cluster’s own id and on a child’s cluster id', () => {
    expect(matchesCluster({ clusterNativeId: 'c1' } as ClusterFilter)).toBe(true);
    expect(matchesCluster({ clusterNativeId: 'c2' } as ClusterFilter)).toBe(false);
    const host = { sourceId: 's', nativeId: 'h1', clusterNativeId: 'c1', name: 'h', status: 'ONLINE', labels: [] } as unknown as Host;
    expect(matcher('hosts', { clusterNativeId: 'c1' })(host)).toBe(true);
    expect(matcher('hosts', { clusterNativeId: 'h1' })(host)).toBe(false);
  });

  it('matches severity on events, and since/until on their time, both ends included', () => {
    const event = { sourceId: 's', nativeId: 'e', severity: 'WARNING', occurredAt: '2026-03-01T10:00:00.000Z' } as unknown as Event;
    expect(matcher('events', { severity: ['WARNING'] })(event)).toBe(true);
    expect(matcher('events', { severity: ['ERROR'] })(event)).toBe(false);
    expect(matcher('events', { since: '2026-03-01T10:00:00.000Z', until: '2026-03-01T10:00:00.000Z' })(event)).toBe(true);
    expect(matcher('events', { since: '2026-03-01T10:00:00.001Z' })(event)).toBe(false);
    expect(matcher('events', { until: '2026-03-01T09:59:59.999Z' })(event)).toBe(false);
    // A different notation for the same instant is the same instant.
    expect(matcher('events', { since: '2026-03-01T11:00:00+01:00' })(event)).toBe(true);
    expect(matcher('events', { since: '2026-01-01T00:00:00Z' })({ ...event, occurredAt: undefined } as unknown as Event)).toBe(false);
    expect(matcher('events', { until: '2027-01-01T00:00:00Z' })({ ...event, occurredAt: undefined } as unknown as Event)).toBe(false);
  });

  it('reads a snapshot’s start time for since/until', () => {
    const snapshot = { sourceId: 's', nativeId: 'p', startedAt: '2026-03-01T10:00:00.000Z', status: 'AVAILABLE' } as unknown as Snapshot;
    expect(matcher('snapshots', { since: '2026-03-02T00:00:00Z' })(snapshot)).toBe(false);
    expect(matcher('snapshots', { until: '2026-03-02T00:00:00Z' })(snapshot)).toBe(true);
  });

  it('matches active and finished workflows by state', () => {
    const workflow = (state: string) => ({ sourceId: 's', nativeId: 'w', state }) as unknown as Workflow;
    expect(matcher('workflows', { active: true })(workflow('RUNNING'))).toBe(true);
    expect(matcher('workflows', { active: false })(workflow('RUNNING'))).toBe(false);
    expect(matcher('workflows', { active: true })(workflow('SUCCEEDED'))).toBe(false);
    expect(matcher('workflows', { active: false })(workflow('FAILED'))).toBe(true);
    expect(matcher('workflows', { state: ['PENDING'] })(workflow('RUNNING'))).toBe(false);
    expect(matcher('workflows', { state: ['RUNNING'] })(workflow('RUNNING'))).toBe(true);
  });
});

describe('filterFields', () => {
  it('names the item fields a filter reads, only for the keys that are set and apply', () => {
    expect(filterFields('clusters', { nameContains: 'a', status: ['RUNNING'], labels: [{ key: 'k' }], sourceIds: ['x'] } as ClusterFilter)).toEqual([
      'name',
      'status',
      'labels',
    ]);
    expect(filterFields('clusters', { nameContains: undefined, status: ['RUNNING'] })).toEqual(['status']);
    expect(filterFields('clusters', { clusterNativeId: 'c' } as ClusterFilter)).toEqual(['nativeId']);
    expect(filterFields('hosts', { clusterNativeId: 'c' })).toEqual(['clusterNativeId']);
    expect(filterFields('events', { since: 'x', until: 'y' })).toEqual(['occurredAt', 'occurredAt']);
    expect(filterFields('snapshots', { since: 'x' })).toEqual(['startedAt']);
    expect(filterFields('workflows', { active: true })).toEqual(['state']);
    // since/until mean nothing to a cluster.
    expect(filterFields('clusters', { since: 'x' } as ClusterFilter)).toEqual([]);
  });
});

describe('pushdown', () => {
  const pushdown = new Set<keyof ClusterFilter>(['status']);

  it('is full only when every set key is one the vendor applies', () => {
    expect(fullyPushedDown<ClusterFilter>({}, pushdown)).toBe(true);
    expect(fullyPushedDown<ClusterFilter>({ status: ['RUNNING'] }, pushdown)).toBe(true);
    expect(fullyPushedDown<ClusterFilter>({ status: ['RUNNING'], nameContains: undefined }, pushdown)).toBe(true);
    expect(fullyPushedDown<ClusterFilter>({ status: ['RUNNING'], nameContains: 'a' }, pushdown)).toBe(false);
  });

  it('sends the vendor only the keys it applies that are set', () => {
    expect(pushedDownPart<ClusterFilter>({ status: ['RUNNING'], nameContains: 'a' }, pushdown)).toEqual({ status: ['RUNNING'] });
    expect(pushedDownPart<ClusterFilter>({ status: undefined, nameContains: 'a' }, pushdown)).toEqual({});
  });

  it('sends the vendor no key the filter leaves unset, not even as undefined', () => {
    const part = pushedDownPart<ClusterFilter>({ status: undefined, nameContains: 'a' }, pushdown);
    expect(part).toStrictEqual({});
    expect('status' in part).toBe(false);
  });
});
