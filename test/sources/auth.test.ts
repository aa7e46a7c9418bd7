import { describe, expect, it } from 'vitest';
import { staticAuth, TokenAuth } from '../../src/sources/auth.js';

/** A TokenAuth whose login waits until the test finishes it, and the signals each login was given. */
function heldLogin() {
  const logins: AbortSignal[] = [];
  let settle!: (credential: { headers: Record<string, string> }) => void;
  const auth = new TokenAuth({
    login: (signal) => {
      logins.push(signal as AbortSignal);
      return new Promise((resolve) => (settle = resolve));
    },
  });
  return { auth, logins, finish: (credential: { headers: Record<string, string> }) => settle(credential) };
}

describe('TokenAuth', () => {
  it('lets a caller give up without cancelling the login the others wait for, and abandons it when none is left', async () => {
    const { auth, logins, finish } = heldLogin();
    const leaving = new AbortController();
    const first = auth.headers(leaving.signal);
    const second = auth.headers(new AbortController().signal);
    leaving.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(logins[0]?.aborted).toBe(false);
    finish({ headers: { authorization: 'Bearer t1' } });
    expect(await second).toEqual({ authorization: 'Bearer t1' });
    expect(logins).toHaveLength(1);

    const alone = new AbortController();
    const only = auth.renew({ authorization: 'Bearer t1' }, alone.signal);
    alone.abort();
    await expect(only).rejects.toMatchObject({ name: 'AbortError' });
    expect(logins[1]?.aborted).toBe(true);
  });

  it('renews a token before it expires, through refresh when the vendor has one', async () => {
    let now = 0;
    const calls: string[] = [];
    const auth = new TokenAuth({
      now: () => now,
      marginMs: 10,
      login: async () => {
        calls.push('login');
        return { headers: { authorization: 'a' }, expiresAt: 100 };
      },
      refresh: async () => {
        calls.push('refresh');
        return { headers: { authorization: 'b' }, expiresAt: 200 };
      },
    });
    expect(await auth.headers()).toEqual({ authorization: 'a' });
    now = 95;
    expect(await auth.headers()).toEqual({ authorization: 'b' });
    expect(calls).toEqual(['login', 'refresh']);
  });

  it('keeps a credential until the margin before its expiry (60 s unless told), and renews it once the margin is reached', async () => {
    let now = 1_000_000;
    let logins = 0;
    const auth = new TokenAuth({ now: () => now, login: async () => ({ headers: { authorization: `t${++logins}` }, expiresAt: now + 120_000 }) });
    expect(await auth.headers()).toEqual({ authorization: 't1' });
    now += 59_999;
    expect(await auth.headers()).toEqual({ authorization: 't1' });
    now += 1;
    expect(await auth.headers()).toEqual({ authorization: 't2' });
    expect(logins).toBe(2);
  });

  it('reads the system clock when given none', async () => {
    let logins = 0;
    const lasting = new TokenAuth({ login: async () => ({ headers: { authorization: `t${++logins}` }, expiresAt: Date.now() + 3_600_000 }) });
    await lasting.headers();
    expect(await lasting.headers()).toEqual({ authorization: 't1' });
    const expired = new TokenAuth({ login: async () => ({ headers: { authorization: `t${++logins}` }, expiresAt: Date.now() - 1 }) });
    await expired.headers();
    expect(await expired.headers()).toEqual({ authorization: 't3' });
  });

  it('logs in again only for the credential in use: a refusal of a replaced one, or of other headers, logs in no more', async () => {
    let logins = 0;
    const auth = new TokenAuth({ login: async () => ({ headers: { authorization: `Bearer t${++logins}`, 'x-project': 'p' } }) });
    await auth.headers();
    await auth.renew({ authorization: 'Bearer t1', 'x-project': 'p' });
    expect(logins).toBe(2);
    const notInUse: Record<string, string>[] = [
      { authorization: 'Bearer t1', 'x-project': 'p' },
      { authorization: 'Bearer t2' },
      { authorization: 'Bearer t2', 'x-project': 'p', 'x-extra': '1' },
      { authorization: 'Bearer t2', 'x-project': 'q' },
    ];
    for (const used of notInUse) await auth.renew(used);
    expect(logins).toBe(2);
    expect(await auth.headers()).toEqual({ authorization: 'Bearer t2', 'x-project': 'p' });
    await auth.renew({ 'x-project': 'p', authorization: 'Bearer t2' });
    expect(logins).toBe(3);
  });

  it('logs in from scratch when the refresh fails', async () => {
    let now = 0;
    const calls: string[] = [];
    const auth = new TokenAuth({
      now: () => now,
      marginMs: 10,
      login: async () => {
        calls.push('login');
        return { headers: { authorization: `l${calls.length}` }, expiresAt: now + 100 };
      },
      refresh: async () => {
        calls.push('refresh');
        throw Object.assign(new Error('refresh refused'), { code: 'SOURCE_AUTH_FAILED' });
      },
    });
    await auth.headers();
    now = 95;
    expect(await auth.headers()).toEqual({ authorization: 'l3' });
    expect(calls).toEqual(['login', 'refresh', 'login']);
  });

  it('refuses a caller whose signal has already aborted, and abandons the login it alone asked for', async () => {
    const { auth, logins, finish } = heldLogin();
    const gone = new AbortController();
    const reason = Object.assign(new Error('client left'), { code: 'REQUEST_ABORTED' });
    gone.abort(reason);
    const refused = auth.headers(gone.signal);
    finish({ headers: { authorization: 'Bearer t1' } });
    await expect(refused).rejects.toBe(reason);
    expect(logins).toHaveLength(1);
    expect(logins[0]?.aborted).toBe(true);
  });

  it('gives a failed login to every caller waiting, with a signal or without', async () => {
    const failure = Object.assign(new Error('login refused'), { code: 'SOURCE_AUTH_FAILED' });
    const auth = new TokenAuth({ login: async () => Promise.reject(failure) });
    const results = await Promise.allSettled([auth.headers(new AbortController().signal), auth.headers()]);
    expect(results).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
  });

  it('stops listening to a caller once its login is settled: the caller leaving later abandons nothing', async () => {
    const logins: AbortSignal[] = [];
    let fail = false;
    const auth = new TokenAuth({
      login: async (signal) => {
        logins.push(signal as AbortSignal);
        if (fail) throw Object.assign(new Error('login refused'), { code: 'SOURCE_AUTH_FAILED' });
        return { headers: { authorization: `Bearer t${logins.length}` } };
      },
    });
    const served = new AbortController();
    await auth.headers(served.signal);
    served.abort();
    fail = true;
    const refused = new AbortController();
    await expect(auth.renew({ authorization: 'Bearer t1' }, refused.signal)).rejects.toThrow('login refused');
    refused.abort();
    expect(logins.map((s) => s.aborted)).toEqual([false, false]);
  });
});

describe('staticAuth', () => {
  it('always sends the configured headers, and has nothing to renew', async () => {
    const headers = { 'x-api-key': 'k1' };
    const auth = staticAuth(headers);
    expect(await auth.headers()).toEqual({ 'x-api-key': 'k1' });
    await expect(auth.renew(headers)).resolves.toBeUndefined();
    expect(await auth.headers()).toEqual({ 'x-api-key': 'k1' });
  });
});
