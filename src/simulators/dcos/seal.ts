/** The service's fixed key; an SMTP password is stored and shown only sealed with it. */
const SEAL_KEY = Buffer.from('linker-dcos-smtp');

/**
 * The stored form of a password: the document shows `"passwd": "xGFcxgyYx7Q="` for
 * `"password"`, eight bytes in base64, so a cipher that keeps the length. A keyed XOR
 * stands in for it: the clear text never comes back, and the same password always
 * seals the same way.
 */
export const seal = (password: string): string =>
  Buffer.from(Buffer.from(password).map((b, i) => b ^ (SEAL_KEY[i % SEAL_KEY.length] as number))).toString('base64');
