import { createRequire } from 'node:module';
import type { MarkdownProcessor } from 'astro/markdown';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, test } from 'vitest';
import {
  ASTRO_IMAGE_ATTRIBUTE,
  withoutAstroImages,
} from '../../src/markdown/astro-image-marker.ts';
import { renderArticleMarkdown } from '../../src/markdown/index.ts';

/**
 * Astro's own Markdown processor, the one the installed Astro uses by default: the copy of
 * `@astrojs/markdown-satteri` that `astro` itself resolves, not one of this project's choosing.
 */
async function astrosOwnProcessor(): Promise<MarkdownProcessor> {
  const fromAstro = createRequire(import.meta.resolve('astro/package.json'));
  const { satteri } = (await import(fromAstro.resolve('@astrojs/markdown-satteri'))) as {
    satteri: () => MarkdownProcessor;
  };
  return satteri();
}

/**
 * The images of some HTML that Astro will replace, as it finds and reads them: by the mark's exact
 * name (which an HTML parser would lower-case), the image's one attribute, then its value parsed.
 */
function marks(html: string): unknown[] {
  return [...html.matchAll(new RegExp(`<img ${ASTRO_IMAGE_ATTRIBUTE}="([^"]*)">`, 'g'))].map(
    ([, value]) => {
      const holder = fromHtml(`<i title="${value}"></i>`, { fragment: true }).children[0];
      return JSON.parse(String(holder?.type === 'element' && holder.properties.title));
    },
  );
}

/** An archived photo twice (each occurrence numbered), a file name to decode, and a remote image, which is not archived. */
const markdown = [
  'Metin.',
  '![Ön cephe](./28-haber/foto.jpg)',
  'Ara.',
  '![Ön cephe, yine](./28-haber/foto.jpg)',
  '![İkinci](./28-haber/%C4%B0zmir%20limanı.jpg)',
  '![Uzak](https://ornek.example/uzak.jpg)',
].join('\n\n');

describe('the mark for Astro’s image pipeline', () => {
  test('is the one Astro’s own Markdown processor writes for the same images', async () => {
    const renderer = await (await astrosOwnProcessor()).createRenderer({ syntaxHighlight: false });
    const astros = await renderer.render(markdown, { frontmatter: {} });
    const ours = renderArticleMarkdown(markdown);

    const expected = [
      { alt: 'Ön cephe', src: './28-haber/foto.jpg', index: 0 },
      { alt: 'Ön cephe, yine', src: './28-haber/foto.jpg', index: 1 },
      { alt: 'İkinci', src: './28-haber/İzmir limanı.jpg', index: 0 },
    ];
    expect(marks(astros.code)).toEqual(expected);
    expect(marks(ours.html)).toEqual(expected);
    expect(ours.localImagePaths).toEqual(astros.metadata.localImagePaths);
  });

  test('is taken out of a feed’s HTML, with nothing else', () => {
    const { html } = renderArticleMarkdown(markdown);
    const feed = withoutAstroImages(html);
    expect(feed).not.toContain(ASTRO_IMAGE_ATTRIBUTE);
    expect(feed).toContain('Metin.');
    expect(feed).toContain('Ara.');
    // A remote image is never hot-linked: it is the note that it was not archived (issue #25).
    expect(feed).toContain('<em>Görsel arşivlenmedi: Uzak</em>');
  });
});
