import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/model/errors.js';
import { componentsAt, toComponents, toProvider, toPublicKey, toRegistry, toSmtpServer } from '../../../src/sources/dcos/map.js';
import { idsBody, pubkeyBody, registryBody, registryRefs, smtpBody } from '../../../src/sources/dcos/requests.js';

/** DC/OS's own capabilities: mapping and request bodies against the document's own examples (fixtures/dcos). */

const fixture = (name: string): any => JSON.parse(readFileSync(new URL(`../../fixtures/dcos/${name}`, import.meta.url), 'utf8'));
const USER = '59bb4331403cba000a116359';

describe('components (3.0 GET /v1/cluster/{id}/components)', () => {
  const all = toComponents(fixture('components.response.json').data);

  it('reads every entry of the example, with the example’s imageName as the name', () => {
    expect(all).toHaveLength(20);
    expect(all[0]).toEqual({ name: 'mongodb', address: '192.168.3.52', healthy: true, rawStatus: 'Healthy' });
    expect(all.filter((c) => !c.healthy).map((c) => [c.name, c.address, c.rawStatus])).toEqual([
      ['mesosslave', '192.168.3.53', 'UnHealthy'],
      ['mesosslave', '192.168.3.56', 'UnHealthy'],
    ]);
  });

  it('reads the Go struct’s componentName where imageName is absent', () => {
    expect(toComponents({ componentStatus: [{ componentName: 'marathon', ip: '10.0.0.1', status: 'Healthy' }] })).toEqual([
      { name: 'marathon', address: '10.0.0.1', healthy: true, rawStatus: 'Healthy' },
    ]);
  });

  it('gives a node the components at its addresses only', () => {
    const agent = componentsAt(all, ['192.168.3.53', '10.1.1.1']);
    expect(agent.map((c) => c.name)).toEqual(['cadvisormonitor', 'mesosslave', 'genresolvconf']);
    expect(componentsAt(all, ['192.168.3.99'])).toEqual([]);
  });
});

describe('catalogues', () => {
  it('maps the registry list example, leaving its password out', () => {
    const [r] = fixture('registries-list.response.json').data.map(toRegistry);
    expect(r).toEqual({
      nativeId: '59bb43f8284ae3000bf663e7',
      name: 'linkerRegistry',
      address: '192.168.10.95:5000',
      secure: false,
      inUse: true,
      system: true,
      ownerId: USER,
      createdAt: '2017-09-15T03:07:36.000Z',
    });
    expect(JSON.stringify(r)).not.toContain('password');
  });

  it('maps the public key list example', () => {
    const keys = fixture('pubkeys-list.response.json').data.map(toPublicKey);
    expect(keys.map((k: { name: string }) => k.name)).toEqual(['key', 'pubkey']);
    expect(keys[1]).toEqual({
      nativeId: '59c35fc5284ae3000bf663fc',
      name: 'pubkey',
      value: expect.stringMatching(/^ssh-rsa AAAAB3NzaC1yc2E.* root@centosdesktop$/),
      owner: 'sysadmin',
      ownerId: USER,
      inUse: false,
      createdAt: '2017-09-21T06:44:21.000Z',
      updatedAt: '2017-09-21T06:44:21.000Z',
    });
  });

  it('maps the SMTP list example without its sealed password', () => {
    expect(fixture('smtp-list.response.json').data.map(toSmtpServer)).toEqual([
      { nativeId: '59c377d3284ae3000bf66400', user: 'username', address: 'smtp.qiye.163.com' },
    ]);
  });

  it('maps the provider list example: the type’s own block, never its credentials', () => {
    const providers = fixture('providers-list.response.json').data.map(toProvider);
    expect(providers[1]).toEqual({
      nativeId: '59c3556b284ae3000bf663f9',
      name: 'provider',
      type: 'google',
      sshUser: 'root',
      inUse: false,
      location: 'zone',
      machineType: 'type',
      image: 'image',
      createdAt: '2017-09-21T06:00:11.000Z',
      updatedAt: '2017-09-21T06:00:11.000Z',
    });
    // The first example's google-application-credentials is "yA==": not a field.
    expect(JSON.stringify(providers)).not.toContain('yA==');
  });

  it('reads EC2’s region, instance type and AMI, and skips a type it does not know', () => {
    const ec2 = {
      _id: 'a'.repeat(24),
      name: 'aws',
      type: 'amazonec2',
      awsEc2Info: { 'amazonec2-region': 'eu-west-1', 'amazonec2-instance-type': 'm5.large', 'amazonec2-ami': '' },
    };
    expect(toProvider(ec2)).toMatchObject({ type: 'amazonec2', location: 'eu-west-1', machineType: 'm5.large', inUse: false });
    expect(toProvider(ec2)).not.toHaveProperty('image');
    expect(toProvider({ ...ec2, type: 'azure' })).toBeNull();
  });
});

describe('request bodies', () => {
  it('builds the document’s registry request (十四)', () => {
    expect(registryBody({ name: 'registry_name', address: '192.168.10.95:5000', system: true }, USER)).toEqual(fixture('registry-create.request.json'));
  });

  it('builds the document’s public key upload (二十五)', () => {
    const doc = fixture('pubkey-upload.request.json');
    expect(pubkeyBody({ name: doc.name, value: doc.pubkeyValue }, USER)).toEqual(doc);
  });

  it('builds the document’s SMTP request (三十)', () => {
    expect(smtpBody({ user: 'username', address: 'smtp.qiye.163.com', password: 'password' })).toEqual(fixture('smtp-create.request.json'));
  });

  it('builds the document’s attach body (九, 十一), each id once', () => {
    expect(idsBody(['59bb43f8284ae3000bf663e7', '59bb43f8284ae3000bf663e7'], 'registryIds')).toEqual(fixture('cluster-registry.request.json'));
  });

  it('names createCluster’s registries as the document’s create does (一), from the catalogue', () => {
    // The document's create request calls the registry registry_name, its answers linkerRegistry: the catalogue's name is sent.
    const catalogue = [{ ...fixture('registry-create.response.json').data, name: 'registry_name' }];
    expect(registryRefs(['59bb43f8284ae3000bf663e7'], catalogue)).toEqual(fixture('cluster-create.request.json').dockerRegistries);
    refused(() => registryRefs(['59bb43f8284ae3000bf663e7', '0'.repeat(24)], catalogue), 'input.dcos.registryIds[1]');
  });

  const refused = (build: () => unknown, field: string) => {
    try {
      build();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).field).toBe(field);
      return (err as ValidationError).message;
    }
    throw new Error('not refused');
  };

  it('names the field the vendor would refuse, before anything is sent', () => {
    refused(() => registryBody({ name: 'r', address: 'http://x:5000' }, USER), 'input.address');
    refused(() => registryBody({ name: ' ', address: 'x:5000' }, USER), 'input.name');
    refused(() => registryBody({ name: 'r', address: 'x:5000' }, undefined), 'input.ownerId');
    refused(() => registryBody({ name: 'r', address: 'x:5000', ownerId: 'me' }, USER), 'input.ownerId');
    refused(() => smtpBody({ user: 'u', address: 'smtp.example.com:465', password: '' }), 'input.password');
    refused(() => smtpBody({ user: 'u', address: 'smtp://example.com', password: 'p' }), 'input.address');
    refused(() => idsBody([], 'publicKeyIds'), 'publicKeyIds');
    refused(() => idsBody(['nope'], 'registryIds'), 'registryIds');
  });

  it('refuses a private key for a public one without repeating it', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAo+lO2hhDo6wkRZSk32qmYTN8\n-----END RSA PRIVATE KEY-----';
    const message = refused(() => pubkeyBody({ name: 'k', value: pem }, USER), 'input.value');
    expect(message).not.toContain('MIIE');
  });
});
