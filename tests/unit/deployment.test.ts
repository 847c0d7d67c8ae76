import { describe, expect, test } from 'vitest';
import { DeploymentError, normaliseBase, PLACEHOLDER_SITE, readDeployment } from '../../src/lib/deployment.ts';
import { joinBase } from '../../src/lib/urls.ts';

describe('readDeployment', () => {
  test('nothing set: the root of the placeholder site', () => {
    expect(readDeployment({})).toEqual({ site: PLACEHOLDER_SITE, base: '/' });
    expect(readDeployment({ SITE_URL: ' ', BASE_PATH: '' })).toEqual({ site: PLACEHOLDER_SITE, base: '/' });
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
    expect(readDeployment({ SITE_URL: 'https://arsiv.example.org' })).toEqual({ site: 'https://arsiv.example.org', base: '/' });
    expect(readDeployment({ SITE_URL: 'https://user.github.io/repo/' })).toEqual({ site: 'https://user.github.io', base: '/repo/' });
    expect(readDeployment({ SITE_URL: 'https://user.github.io/repo', BASE_PATH: '/repo/' }).base).toBe('/repo/');
  });

  test.each([
    [{ SITE_URL: 'arsiv.example.org' }, /SITE_URL="arsiv.example.org" is not an absolute address/],
    [{ SITE_URL: 'ftp://arsiv.example.org' }, /must be an http\(s\) address/],
    [{ SITE_URL: 'https://arsiv.example.org/?a=1' }, /must not carry a query/],
    [{ BASE_PATH: '/a b/' }, /BASE_PATH="\/a b\/": "a b" is not a plain folder name/],
    [{ BASE_PATH: '/../etc/' }, /"\.\." is not a plain folder name/],
    [{ SITE_URL: 'https://user.github.io/repo/', BASE_PATH: '/other/' }, /names the folder \/repo\/ but BASE_PATH="\/other\/" names \/other\//],
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
