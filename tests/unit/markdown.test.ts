import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { wordCount } from '../../src/lib/provenance.ts';
import { articleMarkdown, renderArticleMarkdown } from '../../src/markdown/index.ts';

/** The renderer Astro gets from the site's `markdown.processor`. */
const renderer = await articleMarkdown().createRenderer({});
const render = async (markdown: string) => (await renderer.render(markdown)).code;

test('gives headings Turkish ASCII ids, unique within the article', async () => {
  const code = await render(
    "## 'START Anlaşması'nın uzatılması uzun zamandır konuşulmuyor'\n\n## İzmir'de IŞIK\n\n## İzmir'de ışık\n",
  );
  expect(code).toContain('<h2 id="start-anlasmasinin-uzatilmasi-uzun-zamandir-konusulmuyor">');
  expect(code).toContain('<h2 id="izmirde-isik">');
  expect(code).toContain('<h2 id="izmirde-isik-2">');
});

test('never gives a heading an id the article page uses for its own elements or paragraphs', async () => {
  const code = await render('## İçerik\n\nMetin.\n\n## P 1\n\n## Atıf APA\n\n## Atıf APA ad\n');
  expect(code).toContain('<h2 id="icerik-2">');
  expect(code).toContain('<h2 id="p-1-2">');
  expect(code).toContain('<h2 id="atif-apa-2">');
  expect(code).toContain('<h2 id="atif-apa-ad-2">');
});

test('numbers top-level paragraphs p-1, p-2 … and gives each paragraph and heading a ¶ link to itself', async () => {
  const code = await render('Bir.\n\n## Ara başlık\n\nİki.\n\n> Alıntıdaki paragraf.\n\nÜç.');
  const anchor = (id: string) =>
    `<a class="anchor" href="#${id}" aria-label="Bu bölümün bağlantısı" data-pagefind-ignore="">¶</a>`;
  expect(code).toContain(`<p id="p-1">Bir.${anchor('p-1')}</p>`);
  expect(code).toContain(`<h2 id="ara-baslik">Ara başlık${anchor('ara-baslik')}</h2>`);
  expect(code).toContain(`<p id="p-2">İki.${anchor('p-2')}</p>`);
  expect(code).toContain('<blockquote>\n<p>Alıntıdaki paragraf.</p>\n</blockquote>');
  expect(code).toContain(`<p id="p-3">Üç.${anchor('p-3')}</p>`);
});

test("tells Astro each heading's level, id and text, without its ¶ link", async () => {
  const { metadata } = await renderer.render("## İzmir'de IŞIK\n\nMetin.\n\n### Ara _başlık_\n");
  expect(metadata.headings).toEqual([
    { depth: 2, slug: 'izmirde-isik', text: "İzmir'de IŞIK" },
    { depth: 3, slug: 'ara-baslik', text: 'Ara başlık' },
  ]);
});

test("gives the body's text as a reader reads it: markup and ¶ links left out, one paragraph a block, cells and items apart", () => {
  const { text } = renderArticleMarkdown(
    "## 'START Anlaşması'\n\nBir **kalın** söz ve [bağlantı](https://ornek.example/).\n\n- Ankara\n- İzmir\n\n| Şehir | Nüfus |\n| --- | --: |\n| Iğdır | 203 |\n\nSon.",
  );
  expect(text).toBe(
    "'START Anlaşması'\n\nBir kalın söz ve bağlantı.\n\nAnkara İzmir\n\nŞehir Nüfus Iğdır 203\n\nSon.",
  );
});

test('reads the text the sanitiser leaves between blocks, as the page shows it', () => {
  const { text } = renderArticleMarkdown('Bir.\n\n<form><button>Gönder</button></form>\n\nİki.');
  expect(text).toBe('Bir.\n\nGönder\n\nİki.');
});

test('counts the words a reader reads, not tags, entities or ¶ links', () => {
  const body = `## Ara başlık\n\nTrump&#39;ın *önerisi* &amp; [bağlantı](https://ornek.example/uzun-adres).`;
  expect(wordCount(renderArticleMarkdown(body).text)).toBe(5);
});

test('reads a body that starts with a rule as text, not as front matter (Astro has removed that already)', async () => {
  expect(await render('---\nbaşlık: değil\n---\n')).toContain('<hr>');
});

test("keeps a table's column alignment as classes, since inline styles are neither sanitised in nor allowed by the CSP", async () => {
  const code = await render('| Sol | Orta | Sağ |\n| :-- | :-: | --: |\n| a | b | c |');
  expect(code).toContain(
    '<th class="align-left">Sol</th>\n<th class="align-center">Orta</th>\n<th class="align-right">Sağ</th>',
  );
  expect(code).toContain(
    '<td class="align-left">a</td>\n<td class="align-center">b</td>\n<td class="align-right">c</td>',
  );
  expect(code).not.toContain('style=');
});

test("keeps nothing of a raw HTML cell's classes and style but its alignment", async () => {
  const code = await render(
    '<table><tr><td class="kotu" style="text-align: left; color: red">x</td><td class="kotu" style="text-align: right">y</td></tr></table>',
  );
  expect(code).toContain('<td>x</td><td class="align-right">y</td>');
});

test('keeps the straight quotes of the source as written', async () => {
  const code = await render(`Lavrov, "Biz bu sonuca hazırız" dedi. Trump'ın 'iyi fikir' dediği`);
  expect(code).toContain(`Lavrov, "Biz bu sonuca hazırız" dedi. Trump'ın 'iyi fikir' dediği<a`);
});

test('marks links to other sites external, without opener or referrer', async () => {
  expect(
    await render('[Özgün haber](https://anlatilaninotesi.com.tr/x) ve [arşiv](/2025/)'),
  ).toContain(
    '<a href="https://anlatilaninotesi.com.tr/x" rel="external noopener noreferrer">Özgün haber</a> ve <a href="/2025/">arşiv</a>',
  );
});

describe('raw HTML in an article is sanitised', () => {
  test.each([
    ['a script', '<script>alert(1)</script>', /<script/],
    ['an event handler', '<p onclick="alert(1)">tıkla</p>', /onclick/],
    ['a javascript: link', '<a href="javascript:alert(1)">bağlantı</a>', /javascript:/],
    ['a javascript: link in Markdown', '[bağlantı](javascript:alert(1))', /javascript:/],
    ['a data: image', '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">', /data:/],
    ['an iframe', '<iframe src="https://kotu.example"></iframe>', /<iframe/],
    [
      'a style element, rules and all',
      'Metin.\n\n<style>body{display:none}</style>',
      /<style|display/,
    ],
    ['a style attribute', '<p style="position:fixed">üstte</p>', /style=/],
    [
      'a form',
      '<form action="https://kotu.example"><input name="parola"><button>Gönder</button></form>',
      /<form|<input|<button/,
    ],
    ['an object', '<object data="x.swf"></object>', /<object/],
    [
      'a picture source on another site',
      '<picture><source srcset="https://kotu.example/a.webp"><img src="./a.jpg" alt="a"></picture>',
      /<source|kotu\.example/,
    ],
    ['an svg with script', '<svg><script>alert(1)</script></svg>', /<svg|<script/],
    [
      'an id that would clobber the page’s own',
      '<p id="site-search">metin</p>',
      /id="site-search"/,
    ],
  ])('drops %s', async (_, markdown, forbidden) => {
    expect(await render(markdown)).not.toMatch(forbidden);
  });

  // Changed deliberately (issue #25): a remote image used to be kept, for the CSP to block and
  // without its text alternative; it is now the import's note, "Görsel arşivlenmedi".
  test('keeps what news text needs: links, emphasis, lists, quotes, tables, figures, and a remote image as the note that it was not archived', async () => {
    const code = await render(`**Kalın** ve _eğik_ [bağlantı](https://ornek.example).

> Alıntı

- bir
- iki

| Yıl | Sayı |
| --- | --- |
| 2025 | 3 |

<figure><img src="https://ornek.example/foto.jpg" alt="Lavrov"><figcaption>Sergey Lavrov</figcaption></figure>
`);
    for (const tag of [
      '<strong>',
      '<em>',
      '<a href="https://ornek.example"',
      '<blockquote>',
      '<ul>',
      '<table>',
      '<figure><em>Görsel arşivlenmedi: Lavrov</em><figcaption>Sergey Lavrov</figcaption></figure>',
    ]) {
      expect(code).toContain(tag);
    }
    expect(code).not.toContain('<img');
  });
});

/** A 1 × 1 PNG, the smallest real raster image. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const SCRIPTED_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>';

describe('images in an article file, checked against the files beside it', () => {
  let root: string;
  let article: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'haber-arsivi-images-'));
    const folder = join(root, 'content/articles/2025/10');
    await mkdir(join(folder, '28-haber'), { recursive: true });
    article = join(folder, '28-haber.md');
    await writeFile(join(folder, '28-haber/foto.png'), PNG);
    await writeFile(join(folder, '28-haber/cizim.svg'), SCRIPTED_SVG);
    // An SVG by another name is still an SVG.
    await writeFile(join(folder, '28-haber/sahte.png'), SCRIPTED_SVG);
    await writeFile(join(root, 'disarida.png'), PNG);
    await symlink(join(root, 'disarida.png'), join(folder, '28-haber/baglanti.png'));
    await writeFile(join(folder, `28-haber/${'uzun-'.repeat(40)}.png`), PNG);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const renderIn = (markdown: string) => renderArticleMarkdown(markdown, article);

  test('an image beside the article is archived: marked for Astro and listed', () => {
    const { html, localImagePaths, imageProblems } = renderIn('![Foto](./28-haber/foto.png)');
    expect(localImagePaths).toEqual(['./28-haber/foto.png']);
    expect(html).toContain('__ASTRO_IMAGE_');
    expect(imageProblems).toEqual([]);
  });

  test.each([
    ['raw HTML pointing at nothing', '<img src="x" alt="Liman">', 'Liman'],
    [
      'raw HTML on another site',
      '<p><img src="https://uzak.example/a.jpg" alt="Liman"></p>',
      'Liman',
    ],
    ['Markdown on another site', '![Liman](https://uzak.example/a.jpg)', 'Liman'],
    ['a site path', '![Liman](/foto.png)', 'Liman'],
    ['a missing file', '![Liman](./28-haber/yok.png)', 'Liman'],
  ])('an image in %s is the note that it was not archived', (_, markdown, alt) => {
    const { html, localImagePaths } = renderIn(markdown);
    expect(html).toContain(`<p id="p-1"><em>Görsel arşivlenmedi: ${alt}</em><a class="anchor"`);
    expect(html).not.toContain('<img');
    expect(localImagePaths).toEqual([]);
  });

  test('inline among words, the note is bracketed, as the import writes it', () => {
    const { html } = renderIn('Önce <img src="x" alt="harita"> sonra.');
    expect(html).toContain('Önce [Görsel arşivlenmedi: harita] sonra.');
  });

  test.each([
    ['an SVG, which can script', './28-haber/cizim.svg', /is not a raster image/],
    ['an SVG named .png', './28-haber/sahte.png', /is not a raster image/],
    ['a ../ path out of the folder', '../../../../disarida.png', /outside the article's folder/],
    ['a symlink out of the folder', './28-haber/baglanti.png', /outside the article's folder/],
    [
      'a file name too long for Astro to name its copy',
      `./28-haber/${'uzun-'.repeat(40)}.png`,
      /has a file name of 204 bytes, more than 150/,
    ],
  ])('%s is refused, named, and never published', (_, src, problem) => {
    const { html, localImagePaths, imageProblems } = renderIn(`![Resim](${src})`);
    expect(imageProblems).toEqual([expect.stringMatching(problem)]);
    expect(imageProblems[0]).toContain(`image ${src}`);
    expect(html).not.toContain('<img');
    expect(html).toContain('Görsel arşivlenmedi');
    expect(localImagePaths).toEqual([]);
  });

  test('Astro gives the renderer the file, and the images are checked against it', async () => {
    const renderer = await articleMarkdown().createRenderer({});
    const { code, metadata } = await renderer.render('![Resim](./28-haber/cizim.svg)', {
      fileURL: pathToFileURL(article),
    });
    expect(code).not.toContain('<img');
    expect(metadata.localImagePaths).toEqual([]);
  });
});
