import type { Dependence, PortMapping } from './state.js';

/** The image's own name: no registry, no repository path, no tag or digest. */
const imageName = (image: string) => (image.split('/').pop() ?? image).replace(/[@:].*$/, '');

const service = (name: string, port: number): Dependence => ({ name, service: `${name}.ns1.svc.cluster.local`, port });

/**
 * The document never says what `dependence` holds, and "Create Application" takes no such
 * field. Its list example shows, for the app its create example makes (nginx:latest on
 * host port 9090), `{name: "nginx", service, port: 9090}`: the service in front of the
 * image, one per host port. Every app gets those; a seeded app also names the service it
 * calls (`calls`, from the catalog).
 */
export function dependenceOf(image: string, ports: readonly PortMapping[], calls?: { name: string; port: number }): Dependence[] {
  return [...ports.map((p) => service(imageName(image), p.hostPort)), ...(calls ? [service(calls.name, calls.port)] : [])];
}
