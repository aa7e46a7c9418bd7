import type { Rng } from '../kit/rng.js';

/**
 * Key material for `POST /v1/pubkey/userSelfCreate`: an OpenSSH `ssh-rsa` public key
 * and a PEM RSA private key with the shape of a 2048-bit pair (the same headers, length
 * and leading bytes), drawn from the seeded generator so a fleet stays reproducible.
 * They are not a working key pair: nothing in a simulation logs in with them.
 */

const randomBytes = (rng: Rng, n: number): Buffer => Buffer.from(Array.from({ length: n }, () => rng.int(0, 255)));

/** An SSH wire-format string: four bytes of length, then the bytes. */
function sshString(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

export function publicKeyValue(rng: Rng, comment: string): string {
  const modulus = Buffer.concat([Buffer.from([0x00, 0x80 | rng.int(0, 127)]), randomBytes(rng, 255)]);
  const blob = Buffer.concat([sshString(Buffer.from('ssh-rsa')), sshString(Buffer.from([0x01, 0x00, 0x01])), sshString(modulus)]);
  return `ssh-rsa ${blob.toString('base64')} ${comment}`;
}

/** PKCS#1 DER of a 2048-bit key is 1188 bytes, opening SEQUENCE, version 0, then the modulus. */
export function privateKeyPem(rng: Rng): string {
  const der = Buffer.concat([Buffer.from([0x30, 0x82, 0x04, 0xa0, 0x02, 0x01, 0x00, 0x02, 0x82, 0x01, 0x01, 0x00]), randomBytes(rng, 1176)]);
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return ['-----BEGIN RSA PRIVATE KEY-----', ...lines, '-----END RSA PRIVATE KEY-----', ''].join('\n');
}

/** What `POST /v1/pubkey` accepts as `pubkeyValue`: an OpenSSH public key line. */
export const isPublicKey = (value: string): boolean => /^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/]+={0,3}( \S.*)?$/.test(value);
