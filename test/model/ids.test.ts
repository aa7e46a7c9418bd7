import { describe, expect, it } from 'vitest';
import { decodeGlobalId, encodeGlobalId, type GlobalId, InvalidIdError } from '../../src/model/ids.js';

describe('global ids', () => {
  const ids: GlobalId[] = [
    { type: 'Cluster', sourceId: 'tiem', nativeId: 'c-0001' },
    // Native ids may hold colons and slashes (composite ids), and any Unicode.
    { type: 'Host', sourceId: 'dcos-prod', nativeId: 'cluster-1/10.0.0.7:22' },
    { type: 'Snapshot', sourceId: 'dws', nativeId: 'snapshot-名前-ü' },
    // Longer than the encoder's reused buffer holds.
    { type: 'Event', sourceId: 'otestack', nativeId: 'é'.repeat(700) },
    { type: 'Workflow', sourceId: 'hci', nativeId: 'x'.repeat(512 - 'Workflow:hci:'.length) },
  ];

  it('are base64url text that decodes to the same type, source and native id', () => {
    for (const id of ids) {
      const encoded = encodeGlobalId(id);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(encoded).toBe(Buffer.from(`${id.type}:${id.sourceId}:${id.nativeId}`, 'utf8').toString('base64url'));
      expect(decodeGlobalId(encoded)).toEqual(id);
    }
  });

  it('do not carry one id into the next (the encoder reuses its buffer)', () => {
    const long = encodeGlobalId({ type: 'Cluster', sourceId: 'a', nativeId: 'long-native-id-0123456789' });
    const short = encodeGlobalId({ type: 'Cluster', sourceId: 'a', nativeId: 'b' });
    expect(decodeGlobalId(short).nativeId).toBe('b');
    expect(decodeGlobalId(long).nativeId).toBe('long-native-id-0123456789');
  });

  it('refuse text that is not an id, naming why', () => {
    expect(() => decodeGlobalId('not base64!')).toThrow(InvalidIdError);
    expect(() => decodeGlobalId(Buffer.from('Planet:a:b').toString('base64url'))).toThrow(/"Planet" is not a node type/);
    expect(() => decodeGlobalId(Buffer.from('Cluster:Bad Source:b').toString('base64url'))).toThrow(/source part is malformed/);
  });
});
