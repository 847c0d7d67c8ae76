/**
 * Where the archive is published, read once from the environment for `astro.config.mjs`:
 * `SITE_URL`, its public origin (canonical links, feeds, JSON-LD and citations are absolute), and
 * `BASE_PATH`, the folder it is served from (`/arsiv/`, or a GitHub Pages project's `/repo/`).
 */
export interface Deployment {
  /** The public origin, `https://arsiv.example.org`, with no path: the path is `base`. */
  site: string;
  /** `/` or a folder such as `/arsiv/`, always with both slashes. */
  base: string;
}

/** The address a build without `SITE_URL` writes into its absolute links: plainly not a real one. */
export const PLACEHOLDER_SITE = 'https://haber-arsivi.example';

/** What a misconfigured `SITE_URL` or `BASE_PATH` is told: the variable, the value and an example. */
export class DeploymentError extends Error {}

const PATH_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** `arsiv`, `/arsiv`, `/arsiv/` and `arsiv/` all mean the folder `/arsiv/`; an empty value means the root. */
export function normaliseBase(value: string, variable = 'BASE_PATH'): string {
  const segments = value.split('/').filter(Boolean);
  const bad = segments.find(
    (segment) => !PATH_SEGMENT.test(segment) || segment === '.' || segment === '..',
  );
  if (bad !== undefined) {
    throw new DeploymentError(
      `${variable}="${value}": "${bad}" is not a plain folder name; use letters, digits, "-", "_", "." or "~", e.g. BASE_PATH=/arsiv/`,
    );
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/**
 * Reads `SITE_URL` and `BASE_PATH`. A `SITE_URL` with a path (`https://user.github.io/repo/`)
 * gives the base too, so the one address a host shows can be pasted as it is; given both, they must agree.
 */
export function readDeployment(env: Readonly<Record<string, string | undefined>>): Deployment {
  const siteText = env.SITE_URL?.trim() || undefined;
  let site = PLACEHOLDER_SITE;
  let baseFromSite: string | undefined;
  if (siteText !== undefined) {
    let url: URL;
    try {
      url = new URL(siteText);
    } catch {
      throw new DeploymentError(
        `SITE_URL="${siteText}" is not an absolute address; give the archive's public address, e.g. SITE_URL=https://arsiv.example.org`,
      );
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new DeploymentError(
        `SITE_URL="${siteText}" must be an http(s) address, e.g. SITE_URL=https://arsiv.example.org`,
      );
    }
    if (url.search || url.hash)
      throw new DeploymentError(`SITE_URL="${siteText}" must not carry a query or a fragment`);
    site = url.origin;
    if (url.pathname !== '/') baseFromSite = normaliseBase(url.pathname, 'SITE_URL');
  }
  const baseText = env.BASE_PATH?.trim() || undefined;
  const base = baseText === undefined ? (baseFromSite ?? '/') : normaliseBase(baseText);
  if (baseFromSite !== undefined && baseFromSite !== base) {
    throw new DeploymentError(
      `SITE_URL="${siteText}" names the folder ${baseFromSite} but BASE_PATH="${baseText}" names ${base}; give the folder once`,
    );
  }
  return { site, base };
}
