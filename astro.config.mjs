// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import { pagefind } from './src/integrations/pagefind.ts';
import { rehypeHeadingIds } from './src/markdown/rehype-heading-ids.ts';

export default defineConfig({
  // The public address of the archive: canonical links and feeds are absolute.
  site: process.env.SITE_URL ?? 'https://haber-arsivi.example',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // A faithful copy keeps the publisher's quotes and dashes as they were written.
    processor: unified({ smartypants: false, rehypePlugins: [rehypeHeadingIds] }),
  },
  integrations: [pagefind()],
});
