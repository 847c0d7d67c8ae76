import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { preview } from 'astro';
import { recordCaptures } from '../../scripts/ledger/record.ts';

const run = promisify(execFile);

export const projectRoot = resolve(import.meta.dirname, '../..');
const astroCli = join(projectRoot, 'node_modules/astro/bin/astro.mjs');

/**
 * The environment a keeper's shell has, for the Astro commands the tests run: this process's,
 * without what Vitest adds to it (`NODE_ENV=test`, `MODE`, `BASE_URL`, `VITEST…`), which would
 * change what Astro does (its dev server answers nothing under `NODE_ENV=test`); telemetry and colour off.
 */
function keeperEnvironment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(VITEST.*|NODE_ENV|TEST|MODE|DEV|PROD|SSR|BASE_URL)$/.test(name),
    ),
  );
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
}

/** What a build printed, and whether it succeeded. */
export interface BuildResult {
  ok: boolean;
  output: string;
}

/**
 * Builds a site with `astro build` in a child process, as a keeper would,
 * with telemetry off. The exit status and the whole output are returned so that
 * tests can assert on what a failing build tells its user. `env` adds to the environment
 * (`BASE_PATH`, `SITE_URL`), `args` to the command line.
 */
export async function buildSite(
  root: string,
  outDir = join(root, 'dist'),
  env: Record<string, string> = {},
  args: string[] = [],
): Promise<BuildResult> {
  // --force: a content cache left by an earlier build with another schema must not hide what this one does.
  return astroBuild(root, ['--force', '--outDir', outDir, ...args], env);
}

/** The keeper's next `astro build` of a site built before: with the content cache and the incremental build's pages that build left. */
export async function rebuildSite(
  root: string,
  env: Record<string, string> = {},
): Promise<BuildResult> {
  return astroBuild(root, [], env);
}

async function astroBuild(
  root: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<BuildResult> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [astroCli, 'build', '--root', root, ...args],
      {
        cwd: root,
        env: { ...keeperEnvironment(), ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: stdout + stderr };
  }
}

/**
 * A throw-away copy of the project whose `content/articles` holds only the given files
 * (paths relative to `content/articles`, values the files' text).
 * The project's code is copied, not linked, so the fixture builds exactly what the archive builds.
 */
export async function createFixtureSite(articles: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'haber-arsivi-fixture-'));
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    await cp(join(projectRoot, entry), join(root, entry), { recursive: true });
  }
  // Packages are linked one by one rather than the folder as a whole: Astro and Vite keep their
  // caches (the content store among them) in node_modules/.astro and .vite, which each fixture needs of its own.
  await mkdir(join(root, 'node_modules'));
  for (const entry of await readdir(join(projectRoot, 'node_modules'))) {
    if (!entry.startsWith('.'))
      await symlink(join(projectRoot, 'node_modules', entry), join(root, 'node_modules', entry));
  }
  for (const [path, text] of Object.entries(articles)) {
    const file = join(root, 'content/articles', path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  await enterInLedger(root);
  return root;
}

/**
 * Enters a fixture's articles in its ledger, as a keeper does with `npm run ledger -- add --all`
 * (the build refuses articles that are not in it). An archive the ledger cannot take (two files
 * with one permalink, a version without its article) is left without: its build names the problem.
 */
export async function enterInLedger(root: string): Promise<void> {
  try {
    await recordCaptures(join(root, 'content/articles'), 'all');
  } catch {
    // The build that follows reports what is wrong with the files, naming them.
  }
}

export async function removeFixtureSite(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
}

/** Serves a built site with Astro's own preview server on a free loopback port. */
export async function serveSite(
  root: string,
  outDir: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const server = await preview({
    root,
    outDir,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0 },
  });
  return { url: `http://127.0.0.1:${server.port}`, stop: () => server.stop() };
}

/** A fixture archive built (with `env` added to the build's environment) and served, for the tests of one file; `stop` ends the server and removes the site. */
export async function servedFixtureSite(
  articles: Record<string, string>,
  env: Record<string, string> = {},
): Promise<{ root: string; url: string; stop(): Promise<void> }> {
  const root = await createFixtureSite(articles);
  try {
    const build = await buildSite(root, join(root, 'dist'), env);
    if (!build.ok) throw new Error(`The fixture archive did not build:\n${build.output}`);
    const server = await serveSite(root, join(root, 'dist'));
    return {
      root,
      url: server.url,
      stop: async () => {
        await server.stop();
        await removeFixtureSite(root);
      },
    };
  } catch (error) {
    await removeFixtureSite(root);
    throw error;
  }
}

/** A loopback port that was free a moment ago, for servers that must be told one. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Waits until a server started as `child` answers at `url`; fails with what it printed if it exits or never answers. */
export async function untilAnswering(
  url: string,
  child: ChildProcess,
  output: () => string,
  seconds = 30,
): Promise<void> {
  for (const deadline = Date.now() + seconds * 1000; ;) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited: ${output()}`);
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url}: no answer in ${seconds} s: ${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** `astro dev` in a child process, as a keeper runs it, on a free loopback port. */
export async function startDevServer(
  root: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [astroCli, 'dev', '--root', root, '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: root,
      env: keeperEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await untilAnswering(url, child, () => output, 60);
  return {
    url,
    stop: async () => {
      child.kill();
      await exited;
    },
  };
}
