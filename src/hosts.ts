import { BlockList, isIP } from 'node:net';

/** The host name of a request's URL (its Host header), lower case, without port, brackets or a trailing dot. */
export function hostnameOf(url: string): string {
  return new URL(url).hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** `localhost`, or an address on this machine's loopback interface (IPv4-mapped ones too). */
export function isLoopback(hostOrAddress: string): boolean {
  const name = hostOrAddress.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (name === 'localhost') return true;
  const family = isIP(name);
  return family !== 0 && loopback.check(name, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Whom a request's Host header names, against `hosts` (`*`: any): undefined when it is
 * one of them, else why the request is refused. A page on an attacker's name that
 * resolves to the gateway's address (DNS rebinding) sends its own name as Host.
 * The HTTP server asks this before yoga sees the request: yoga serves GraphiQL and
 * CORS preflights before any plugin of ours could run.
 */
export function hostGuard(hosts: readonly string[]): (hostHeader: string | undefined) => string | undefined {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  return (hostHeader) => {
    if (allowed.has('*')) return undefined;
    let host: string;
    try {
      host = hostnameOf(`http://${hostHeader ?? ''}/`);
    } catch {
      return `the Host header "${hostHeader ?? ''}" is not a host name`;
    }
    if (allowed.has(host)) return undefined;
    return `Host "${host}" is not a name this gateway answers to; its operator can add it to server.hosts`;
  };
}
