import { describe, expect, it } from 'vitest';
import { ApiKeys, generateToken, scopesOf, UnauthenticatedError } from '../../src/auth.js';

// Built in each test, not once as the file loads: a mutant of the constructor must reach it.
const keys = () =>
  new ApiKeys([
    { name: 'ops', role: 'operator', token: 'tok-operator' },
    { name: 'root', role: 'admin', token: 'tok-admin' },
    { name: 'dash', role: 'viewer', token: 'tok-viewer' },
  ]);

const refusal = (header: string | null | undefined) => {
  try {
    keys().viewerFor(header);
  } catch (err) {
    return err;
  }
  throw new Error(`"${header}" was accepted`);
};

describe('ApiKeys', () => {
  it('names the viewer a Bearer token belongs to, whatever the scheme’s case and surrounding spaces', () => {
    expect(keys().viewerFor('Bearer tok-operator')).toEqual({ name: 'ops', role: 'operator' });
    expect(keys().viewerFor('bearer tok-admin')).toEqual({ name: 'root', role: 'admin' });
    expect(keys().viewerFor('BEARER   tok-viewer  ')).toEqual({ name: 'dash', role: 'viewer' });
  });

  it('refuses a missing header, another scheme, a malformed value and an unknown token, each saying which', () => {
    for (const missing of [undefined, null, '']) {
      expect(refusal(missing)).toMatchObject({ code: 'UNAUTHENTICATED', message: 'send an API token as "Authorization: Bearer <token>"' });
    }
    for (const malformed of ['Basic dG9r', 'Bearer', 'Bearer ', 'Bearer a b', 'tok-admin', 'xBearer tok-admin', 'Bearertok-admin']) {
      expect(refusal(malformed)).toMatchObject({ code: 'UNAUTHENTICATED', message: 'the Authorization header must be "Bearer <token>"' });
    }
    for (const unknown of ['Bearer tok-admin2', 'Bearer TOK-ADMIN', 'Bearer tok-']) {
      expect(refusal(unknown)).toMatchObject({ code: 'UNAUTHENTICATED', message: 'the API token is not valid' });
    }
    expect(refusal('Bearer nope')).toBeInstanceOf(UnauthenticatedError);
  });

  it('knows no token when it has none', () => {
    expect(() => new ApiKeys([]).viewerFor('Bearer anything')).toThrow('the API token is not valid');
  });
});

describe('scopesOf', () => {
  it('gives operators changes, admins everything, viewers only reads', () => {
    expect(scopesOf('viewer')).toEqual({ operator: false, admin: false });
    expect(scopesOf('operator')).toEqual({ operator: true, admin: false });
    expect(scopesOf('admin')).toEqual({ operator: true, admin: true });
  });
});

describe('generateToken', () => {
  it('makes a fresh fg_ token of 24 random bytes each time', () => {
    const a = generateToken();
    expect(a).toMatch(/^fg_[A-Za-z0-9_-]{32}$/);
    expect(generateToken()).not.toBe(a);
  });
});
