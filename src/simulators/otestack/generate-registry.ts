import type { Rng } from '../kit/rng.js';
import { APPS } from './catalog.js';
import type { ExternalRepo, Image, Project } from './state.js';

const DAY = 86_400_000;

/** Projects anyone may pull from; the rest are private to their members. */
const PUBLIC_PROJECTS = new Set(['library', 'monitoring']);

/**
 * The platform's Harbor: one project per image namespace of the application catalog,
 * each image tagged with its application versions and `latest`; and the pull secrets
 * the catalog's `repositoryId` names.
 */
export function generateRegistry(rng: Rng, now: number): { projects: Project[]; images: Image[]; externalRepos: ExternalRepo[] } {
  const projects: Project[] = [];
  const images: Image[] = [];
  for (const app of APPS) {
    const projectName = app.image.split('/')[0] ?? 'library';
    let project = projects.find((p) => p.name === projectName);
    if (!project) {
      const createdAt = now - rng.int(300, 400) * DAY;
      project = { id: projects.length + 1, name: projectName, public: PUBLIC_PROJECTS.has(projectName), ownerId: 1, createdAt, updatedAt: createdAt };
      projects.push(project);
    }
    const createdAt = project.createdAt + rng.int(1, 60) * DAY;
    const tags = [...app.versions, 'latest'].map((tag, i) => ({ tag, createdAt: createdAt + i * 30 * DAY, updatedAt: createdAt + i * 30 * DAY }));
    const updatedAt = Math.max(...tags.map((t) => t.updatedAt));
    images.push({ id: images.length + 1, projectId: project.id, name: app.image, tags, createdAt, updatedAt });
    project.updatedAt = Math.max(project.updatedAt, updatedAt);
  }
  const externalRepos: ExternalRepo[] = [
    { id: 1, repositoryId: 'harbor-edge', address: 'harbor.edge.vsm.internal', user: 'robot$edge-pull', password: rng.alnum(24), createdAt: now - 300 * DAY },
    { id: 2, repositoryId: 'dockerhub-mirror', address: 'mirror.ccs.tencentyun.com', user: 'pull-bot', password: rng.alnum(24), createdAt: now - 120 * DAY },
  ];
  return { projects, images, externalRepos };
}
