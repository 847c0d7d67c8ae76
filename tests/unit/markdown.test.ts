import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { expect, test } from 'vitest';
import { rehypeHeadingIds } from '../../src/markdown/rehype-heading-ids.ts';

/** The processor the site uses, built the way Astro builds it, so the plugin runs in its real place. */
const processor = await createMarkdownProcessor({ rehypePlugins: [rehypeHeadingIds], smartypants: false });

test('gives headings Turkish ASCII ids, unique within the article', async () => {
  const { code } = await processor.render("## 'START Anlaşması'nın uzatılması uzun zamandır konuşulmuyor'\n\n## İzmir'de IŞIK\n\n## İzmir'de ışık\n");
  expect(code).toContain('<h2 id="start-anlasmasinin-uzatilmasi-uzun-zamandir-konusulmuyor">');
  expect(code).toContain('<h2 id="izmirde-isik">');
  expect(code).toContain('<h2 id="izmirde-isik-2">');
});

test('keeps the straight quotes of the source as written', async () => {
  const { code } = await processor.render(`Lavrov, "Biz bu sonuca hazırız" dedi. Trump'ın 'iyi fikir' dediği`);
  expect(code).toContain(`Lavrov, "Biz bu sonuca hazırız" dedi. Trump'ın 'iyi fikir' dediği`);
});
