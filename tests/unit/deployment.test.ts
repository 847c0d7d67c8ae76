import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import {
  DeploymentError,
  normaliseBase,
  PLACEHOLDER_SITE,
  readDeployment,
} from '../../src/lib/deployment.ts';
import { joinBase } from '../../src/lib/urls.ts';

describe('readDeployment', () => {
  test('nothing set: the root of the placeholder site', () => {
    expect(readDeployment({})).toEqual({ site: PLACEHOLDER_SITE, base: '/' });
    expect(readDeployment({ SITE_URL: ' ', BASE_PATH: '' })).toEqual({
      site: PLACEHOLDER_SITE,
      base: '/',
    });
  });

  test.each([
    ['/arsiv/', '/arsiv/'],
    ['arsiv', '/arsiv/'],
    ['/arsiv', '/arsiv/'],
    ['arsiv/', '/arsiv/'],
    ['/haber/arsiv/', '/haber/arsiv/'],
    ['/', '/'],
  ])('BASE_PATH=%s is the folder %s', (value, base) => {
    expect(readDeployment({ BASE_PATH: value }).base).toBe(base);
  });

  test('SITE_URL keeps its origin; a path in it is the base, as a GitHub Pages project address has one', () => {
    expect(readDeployment({ SITE_URL: 'https://arsiv.example.org' })).toEqual({
      site: 'https://arsiv.example.org',
      base: '/',
    });
    expect(readDeployment({ SITE_URL: 'https://user.github.io/repo/' })).toEqual({
      site: 'https://user.github.io',
      base: '/repo/',
    });
    expect(
      readDeployment({ SITE_URL: 'https://user.github.io/repo', BASE_PATH: '/repo/' }).base,
    ).toBe('/repo/');
  });

  test.each([
    [{ SITE_URL: 'arsiv.example.org' }, /SITE_URL="arsiv.example.org" is not an absolute address/],
    [{ SITE_URL: 'ftp://arsiv.example.org' }, /must be an http\(s\) address/],
    [{ SITE_URL: 'https://arsiv.example.org/?a=1' }, /must not carry a query/],
    [{ BASE_PATH: '/a b/' }, /BASE_PATH="\/a b\/": "a b" is not a plain folder name/],
    [{ BASE_PATH: '/../etc/' }, /"\.\." is not a plain folder name/],
    [
      { SITE_URL: 'https://user.github.io/repo/', BASE_PATH: '/other/' },
      /names the folder \/repo\/ but BASE_PATH="\/other\/" names \/other\//,
    ],
  ])('refuses %o, saying what is wrong', (env, message) => {
    expect(() => readDeployment(env)).toThrow(DeploymentError);
    expect(() => readDeployment(env)).toThrow(message);
  });

  test('normaliseBase names the variable it read', () => {
    expect(() => normaliseBase('/x y/', 'SITE_URL')).toThrow(/^SITE_URL=/);
  });
});

describe('joinBase', () => {
  test.each([
    ['/', '/ara/', '/ara/'],
    ['/arsiv/', '/ara/', '/arsiv/ara/'],
    ['/arsiv/', '/', '/arsiv/'],
    ['/arsiv/', '/2025/10/28/slug.md', '/arsiv/2025/10/28/slug.md'],
    ['/arsiv/', '/ara/?q=zirve#sonuclar', '/arsiv/ara/?q=zirve#sonuclar'],
  ])('%s + %s = %s', (base, route, joined) => {
    expect(joinBase(base, route)).toBe(joined);
  });

  test('a relative path is no route', () => {
    expect(() => joinBase('/arsiv/', 'ara/')).toThrow(/must start with "\/"/);
  });
});

describe('the GitHub Pages workflow', () => {
  interface Step {
    uses?: string;
    run?: string;
    id?: string;
    env?: Record<string, string>;
    with?: Record<string, string>;
  }
  const workflow = load(
    readFileSync(new URL('../../.github/workflows/pages.yml', import.meta.url), 'utf8'),
  ) as {
    jobs: Record<string, { steps: Step[] }>;
  };
  const steps = workflow.jobs.build!.steps;

  test('builds with the address and folder that configure-pages reports, and publishes dist/', () => {
    const pages = steps.find((step) => step.uses?.startsWith('actions/configure-pages@'))!;
    const build = steps.find((step) => step.run === 'npm run build')!;
    expect(build.env).toEqual({
      SITE_URL: `\${{ steps.${pages.id}.outputs.origin }}`,
      BASE_PATH: `\${{ steps.${pages.id}.outputs.base_path }}`,
    });
    expect(steps.findIndex((step) => step.run?.startsWith('npm ci'))).toBeLessThan(
      steps.indexOf(build),
    );
    expect(
      steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))?.with?.path,
    ).toBe('dist');
    // The last build's caches come back after npm ci (which empties node_modules) and before the build.
    const cache = steps.findIndex(
      (step) =>
        step.uses?.startsWith('actions/cache@') && step.with?.path === 'node_modules/.astro',
    );
    expect(cache).toBeGreaterThan(steps.findIndex((step) => step.run?.startsWith('npm ci')));
    expect(cache).toBeLessThan(steps.indexOf(build));
    expect(
      workflow.jobs.deploy!.steps.some((step) => step.uses?.startsWith('actions/deploy-pages@')),
    ).toBe(true);
  });

  test.each([
    [
      'a project site',
      { origin: 'https://user.github.io', base_path: '/repo' },
      { site: 'https://user.github.io', base: '/repo/' },
    ],
    [
      'a user site',
      { origin: 'https://user.github.io', base_path: '' },
      { site: 'https://user.github.io', base: '/' },
    ],
    [
      'a custom domain',
      { origin: 'https://arsiv.example.org', base_path: '' },
      { site: 'https://arsiv.example.org', base: '/' },
    ],
  ])(
    'what configure-pages reports for %s is read as the right deployment',
    (_, outputs, deployment) => {
      expect(readDeployment({ SITE_URL: outputs.origin, BASE_PATH: outputs.base_path })).toEqual(
        deployment,
      );
    },
  );
});
