import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  buildSite,
  createFixtureSite,
  removeFixtureSite,
  type BuildResult,
} from '../support/site.ts';

/**
 * One archive holding one broken article of each class the build refuses, built once: the build
 * stops before Astro renders anything, and says every problem on a line of its own, naming the
 * file and the field, with no stack trace.
 */
const article = (fields: string, body = 'Metin.', url = 'https://ornek.example/haber/1') =>
  `---\ntitle: "İzmir'de yağmur"\ndescription: "Kısa özet."\npublishedAt: 2025-10-28\nsource:\n  name: Örnek Ajans\n  url: ${url}\n${fields}---\n\n${body}\n`;
let next = 100;
/** An article of its own original and address, with these front matter lines. */
const own = (fields: string, body?: string) => {
  next++;
  return article(`slug: haber-${next}\n${fields}`, body, `https://ornek.example/haber/${next}`);
};

const longTag = 'Cumhurbaşkanlığı Hükümet Sistemi '.repeat(4);
const files: Record<string, string> = {
  'gecerli.md': article('tags: [Rusya]\n'),
  'uzun-slug.md': own(`slug: ${'a'.repeat(300)}\n`.replace(/^/, '')).replace(
    /slug: haber-\d+\n/,
    '',
  ),
  'yonlendirme.md': own('redirectFrom: [/ara/, /2025/10/, /etiket/rusya/, /sayfa/2/]\n'),
  'gorunmez.md': own('', '\u200B\u200B\u200D\uFEFF \u2060\n\n\u200B'),
  'kapanmamis.md': own('').replace(/---\n\nMetin/, '\nMetin'),
  'sadece-cr.md': own('').replace(/\n/g, '\r'),
  'eski-tarih.md': own('').replace('publishedAt: 2025-10-28', 'publishedAt: 1800-01-01'),
  'nfc.md': article('slug: nfc\n', 'Metin.', 'https://ornek.example/haber/çevre-ödülü'),
  'nfd.md': article(
    'slug: nfd\n',
    'Metin.',
    'https://ornek.example/haber/çevre-ödülü'.normalize('NFD'),
  ),
  'http-www.md': article('slug: http-www\n', 'Metin.', 'http://www.ornek.example/haber/1/'),
  'etiket-bir.md': own(`tags: ["${longTag}birinci tartışma"]\n`),
  'etiket-iki.md': own(`tags: ["${longTag}ikinci tartışma"]\n`),
  'baskasinin-adresi.md': own('redirectFrom: [/2025/10/28/izmirde-yagmur/surum/2/]\n'),
  'svg.md': own('', '![Çizim](./svg/cizim.svg)'),
  'kacis.md': own('', '![Dışarıda](../disarida.png)'),
  'kacis-referans.md': own('', 'Metin.\n\n![Dışarıda][1]\n\n[1]: ../disarida.png'),
  'baglanti.md': own('', 'Metin.\n\n<img src="./baglanti/foto.png" alt="Bağlantı">'),
  'uzun-ad.md': own('', `![Uzun](./uzun-ad/${'a'.repeat(200)}.png)`),
};
/** A 1 × 1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** Saved by hand in other encodings than UTF-8: Windows' Turkish code page, and UTF-16 (LE, with its byte order mark). */
const latin5 = (text: string) =>
  Uint8Array.from(
    [...text],
    (char) =>
      ({ ş: 0xfe, ğ: 0xf0, ı: 0xfd, İ: 0xdd, Ö: 0xd6, ö: 0xf6 })[char] ?? char.charCodeAt(0),
  );
const utf16 = (text: string) => new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le'));

let root: string;
let result: BuildResult;
beforeAll(async () => {
  root = await createFixtureSite(files);
  await writeFile(
    join(root, 'content/articles/windows-1254.md'),
    latin5(own('', 'Iğdır ve Şırnak.')),
  );
  await writeFile(join(root, 'content/articles/utf-16.md'), utf16(own('')));
  // Images: an SVG that scripts, and raster files reached from outside the article's folder.
  const articles = join(root, 'content/articles');
  for (const folder of ['svg', 'baglanti', 'uzun-ad']) await mkdir(join(articles, folder));
  await writeFile(
    join(articles, 'svg/cizim.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
  );
  await writeFile(join(root, 'content/disarida.png'), PNG);
  await symlink(join(root, 'content/disarida.png'), join(articles, 'baglanti/foto.png'));
  await writeFile(join(articles, `uzun-ad/${'a'.repeat(200)}.png`), PNG);
  result = await buildSite(root);
}, 300_000);
afterAll(() => removeFixtureSite(root));

/** The lines the build printed about one file. */
const linesOf = (file: string) =>
  result.output
    .split('\n')
    .filter((line) => line.startsWith(`haber-arsivi: content/articles/${file}`));

test('the build fails, printing one line a problem and no stack trace', () => {
  expect(result.ok).toBe(false);
  expect(result.output).not.toMatch(/Stack trace|^\s+at /m);
  expect(result.output).toMatch(/problem\(s\) in content\/articles: nothing was built/);
  expect(linesOf('gecerli.md')).toEqual([]);
});

test.each([
  ['a slug too long for a file name', 'uzun-slug.md', [/slug: is longer than 100 characters/]],
  [
    "old addresses that are the site's own pages",
    'yonlendirme.md',
    [
      /redirectFrom\.0: \/ara\/ is the site's own address/,
      /redirectFrom\.1: \/2025\/10\//,
      /redirectFrom\.2: \/etiket\/rusya\//,
      /redirectFrom\.3: \/sayfa\/2\//,
    ],
  ],
  ['a body of invisible characters', 'gorunmez.md', [/has no body/]],
  ['front matter never closed', 'kapanmamis.md', [/front matter that is never closed/]],
  ['lines ending in CR alone', 'sadece-cr.md', [/carriage return alone/]],
  ['a publication day in 1800', 'eski-tarih.md', [/publishedAt: 1800-01-01 is before 1900-01-01/]],
  [
    "Windows' Turkish code page",
    'windows-1254.md',
    [/not UTF-8 text but looks like .*windows-1254/],
  ],
  ['UTF-16', 'utf-16.md', [/not UTF-8 text but looks like UTF-16LE/]],
  [
    'one original in NFD as in NFC',
    'nfd.md',
    [
      /nfd\.md and content\/articles\/nfc\.md archive the same original|nfc\.md and content\/articles\/nfd\.md archive the same original/,
    ],
  ],
  ['one original over http with www.', 'http-www.md', [/archive the same original/]],
  [
    'two tags with one page',
    'etiket-i',
    [
      /tag ".*tartışma" and ".*tartışma" \(content\/articles\/etiket-(bir|iki)\.md\) are different names with one page/,
    ],
  ],
  [
    'an old address under another article’s permalink',
    'baskasinin-adresi.md',
    [
      /redirectFrom\.0: \/2025\/10\/28\/izmirde-yagmur\/surum\/2\/ is under the permalink \/2025\/10\/28\/izmirde-yagmur\/ of content\/articles\/gecerli\.md/,
    ],
  ],
  ['an SVG image, which can script', 'svg.md', [/image \.\/svg\/cizim\.svg is not a raster image/]],
  [
    'an image path out of the article’s folder',
    'kacis.md',
    [/image \.\.\/disarida\.png is outside the article's folder/],
  ],
  [
    'a reference-style image path out of the folder',
    'kacis-referans.md',
    [/image \.\.\/disarida\.png is outside the article's folder/],
  ],
  [
    'an image that is a symbolic link out of the folder',
    'baglanti.md',
    [/image \.\/baglanti\/foto\.png is outside the article's folder/],
  ],
  [
    'an image whose file name is too long for its copy',
    'uzun-ad.md',
    [/image \.\/uzun-ad\/a+\.png has a file name of 204 bytes, more than 150/],
  ],
])('refuses %s, naming the file and the field', (_, file, expected) => {
  const lines = linesOf(file).join('\n');
  for (const pattern of expected) expect(lines).toMatch(pattern);
});
