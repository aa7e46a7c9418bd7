/**
 * Removing secrets from vendor data before anyone outside the gateway sees it. Vendor
 * records carry credentials in many spellings (DC/OS `privateKey` and `password`, DWS
 * `user_pwd`, OTE-stack registry passwords, SMTP passwords), and new fields appear
 * without notice, so secrets are recognized by the shape of their key, and by their
 * value where a key says nothing (a PEM private key under any name).
 */

export const REDACTED = '[redacted]';

/**
 * Key words that name a secret once the key is lower-cased and stripped of `_`, `-` and
 * `.`: `user_pwd`, `privateKey`, `smtp.password`, `registryPassword`, `secret_key`...
 */
const SECRET_WORDS = ['password', 'passwd', 'pwd', 'passphrase', 'secret', 'privatekey', 'token', 'credential', 'apikey', 'accesskey'];
const PRIVATE_KEY_TEXT = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

export function isSecretKey(key: string): boolean {
  const flat = key.toLowerCase().replace(/[-_.]/g, '');
  return flat === 'pass' || SECRET_WORDS.some((word) => flat.includes(word));
}

/** A deep copy of `value` with every secret replaced by `[redacted]`. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (typeof value === 'string') return PRIVATE_KEY_TEXT.test(value) ? REDACTED : value;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, isSecretKey(key) && v !== null && v !== '' ? REDACTED : redactSecrets(v)]));
}
