import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, projectRoot, serveSite } from '../support/site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The archive as it is in this repository, built and served. */
    archiveUrl: string;
    /** Where that build was written, for tests that read the files. */
    archiveDir: string;
  }
}

/** Builds the real archive once for every end-to-end test file, then serves it. */
export default async function setup(project: TestProject) {
  const outDir = await mkdtemp(join(tmpdir(), 'haber-arsivi-dist-'));
  const build = await buildSite(projectRoot, outDir);
  if (!build.ok) throw new Error(`The archive did not build:\n${build.output}`);
  const server = await serveSite(projectRoot, outDir);
  project.provide('archiveUrl', server.url);
  project.provide('archiveDir', outDir);
  return async () => {
    await server.stop();
    await rm(outDir, { recursive: true, force: true });
  };
}
