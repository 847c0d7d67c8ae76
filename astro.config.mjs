// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { pagefind } from './src/integrations/pagefind.ts';
import { markdownOptions } from './src/markdown/index.ts';

/** Pagefind compiles its WebAssembly in the page: the one script permission beyond this site's own files. */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"];

export default defineConfig({
  // The public address of the archive: canonical links and feeds are absolute.
  site: process.env.SITE_URL ?? 'https://haber-arsivi.example',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    processor: unified(markdownOptions),
    // News text has no code to colour, and Shiki's inline styles would need 'unsafe-inline'.
    syntaxHighlight: false,
  },
  security: {
    // Hashes for Astro's own scripts and styles, nothing else inline, and no other origin.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: SCRIPT_SOURCES },
    },
  },
  // The search page and the 404 page are not content: they stay out of the sitemap.
  integrations: [sitemap({ filter: (page) => !/\/(ara|404)\/$/.test(new URL(page).pathname) }), pagefind()],
});
