import { describe, expect, it } from 'vitest';
import { isSecretKey, REDACTED, redactSecrets } from '../../src/model/secrets.js';

describe('redactSecrets', () => {
  it('recognizes every vendor’s spelling of a secret, and nothing else', () => {
    for (const key of [
      'password',
      'privateKey',
      'user_pwd',
      'passwd',
      'openstack-password',
      'smtp.password',
      'registryPassword',
      'TiUPUserPassword',
      'secret_key',
      'X-Auth-Token',
      'pass',
    ]) {
      expect(isSecretKey(key), key).toBe(true);
    }
    for (const key of ['user_name', 'passed', 'bypass', 'status', 'hostName', 'publicKeyFingerprint']) {
      expect(isSecretKey(key), key).toBe(false);
    }
  });

  it('replaces secrets at any depth, keeps the rest, and leaves the input as it was', () => {
    // The shapes of the DC/OS create body (hosts with keys) and a DWS cluster create body.
    const record = {
      name: 'c1',
      hosts: [{ ip: '10.0.0.1', user: 'root', password: 'pw-1', privateKey: 'LSdWLSeC...' }],
      user_name: 'dbadmin',
      user_pwd: 'Dws@12345',
      empty: { password: '' },
      note: '-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----',
    };
    const copy = structuredClone(record);
    expect(redactSecrets(record)).toEqual({
      name: 'c1',
      hosts: [{ ip: '10.0.0.1', user: 'root', password: REDACTED, privateKey: REDACTED }],
      user_name: 'dbadmin',
      user_pwd: REDACTED,
      // An empty password says "none set", which is no secret and worth seeing.
      empty: { password: '' },
      note: REDACTED,
    });
    expect(record).toEqual(copy);
  });
});
