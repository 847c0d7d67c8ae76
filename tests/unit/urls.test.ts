import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { HOST_FILES } from '../../src/lib/hosting.ts';
import { paginate } from '../../src/lib/pagination.ts';
import { reservedRoute } from '../../src/lib/urls.ts';
import { projectRoot } from '../support/site.ts';

/** The route a top-level entry of `src/pages/` or `public/` serves: `ara.astro` → `/ara/`, `rss.xml.ts` → `/rss.xml`. */
function routeOf(folder: string, entry: string): string {
  if (statSync(join(folder, entry)).isDirectory()) return `/${entry}/`;
  if (entry.endsWith('.astro')) return `/${entry.slice(0, -'.astro'.length)}/`;
  return `/${entry.replace(/\.ts$/, '')}`;
}

describe('the reserved routes', () => {
  test('hold every route of src/pages/, every file of public/, the build folders and the hosts’ files', () => {
    const pages = join(projectRoot, 'src/pages');
    const publicFolder = join(projectRoot, 'public');
    const routes = [
      ...readdirSync(pages)
        .filter((entry) => !entry.startsWith('['))
        .map((entry) => routeOf(pages, entry)),
      ...readdirSync(publicFolder).map((entry) => routeOf(publicFolder, entry)),
      ...Object.values(HOST_FILES).map((file) => `/${file}`),
      '/_astro/',
      '/pagefind/',
      '/sitemap-index.xml',
      '/sitemap-0.xml',
    ];
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      expect(reservedRoute(route), route).toBeDefined();
      expect(reservedRoute(`${route}${route.endsWith('/') ? 'alt/' : ''}`), route).toBeDefined();
    }
  });

  test('hold the home page and the lists by date, with their later pages', () => {
    const laterPage = (base: string) => paginate(Array.from({ length: 50 }), base)[1]!.url;
    for (const route of [
      '/',
      laterPage('/'),
      '/2025/',
      laterPage('/2025/'),
      '/2025/10/',
      laterPage('/2025/10/'),
      '/1800/01/',
      '/2025/10/28/',
      laterPage('/etiket/rusya/'),
    ])
      expect(reservedRoute(route), route).toBeDefined();
  });

  test('leave articles their addresses', () => {
    for (const route of [
      '/2025/10/28/ara/',
      '/2025/10/28/sayfa/',
      '/2025/10/28/404/',
      '/2025/10/28/slug/surum/2/',
      '/haberler/eski-adres/',
    ])
      expect(reservedRoute(route), route).toBeUndefined();
  });
});
