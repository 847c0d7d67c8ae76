import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { articleSchema } from '../../src/lib/article.ts';
import { wordsOf } from '../support/dist.ts';
import { readSeed, SEED_ARTICLE_FILE, SEED_CAPTURE_FILE } from '../support/seed.ts';
import { buildSite, createFixtureSite, projectRoot, removeFixtureSite } from '../support/site.ts';

const run = promisify(execFile);
const FIXTURES = join(projectRoot, 'tests/fixtures/import');
const SEED_PERMALINK = '/2025/10/28/lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var/';

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
    const { stdout, stderr } = await run(process.execPath, [join(projectRoot, 'scripts/import.ts'), '--into', into, ...args], { cwd: projectRoot });
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
    expect(result.stdout).toContain(`28-lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var.md → ${SEED_PERMALINK}`);
    expect(await written()).toEqual(['2025/10/28-lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var.md']);
    const imported = await readArticle((await written())[0]!);
    const archived = parseFrontmatter(
      await readFile(SEED_ARTICLE_FILE, 'utf8'),
    );
    expect(imported.body).toBe(archived.content.trim());
    expect(imported.data).toMatchObject({ title: readSeed().title, description: readSeed().lede, source: { name: 'Sputnik Türkiye', url: readSeed().url } });
  });

  test('round trip: the imported seed, built, shows every sentence of the seed', async () => {
    const root = await createFixtureSite({});
    try {
      into = join(root, 'content/articles');
      expect((await importFiles(SEED_CAPTURE_FILE)).code).toBe(0);
      const build = await buildSite(root);
      expect(build.ok, build.output).toBe(true);
      const page = fromHtml(await readFile(join(root, 'dist', SEED_PERMALINK, 'index.html'), 'utf8'));
      expect(wordsOf(toText(select('.article-body', page)!))).toEqual(wordsOf(readSeed().body));
    } finally {
      await removeFixtureSite(root);
    }
  });

  test('--dry-run prints the Markdown and writes nothing', async () => {
    const result = await importFiles(SEED_CAPTURE_FILE, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("## 'START Anlaşması'nın uzatılması uzun zamandır konuşulmuyor'");
    expect(result.stdout).toContain('source:\n  name: Sputnik Türkiye');
    expect(await written()).toEqual([]);
  });

  test('an article already archived is refused unless --force, and nothing else changes', async () => {
    await importFiles(SEED_CAPTURE_FILE);
    const [file] = await written();
    await writeFile(join(into, file!), (await readFile(join(into, file!), 'utf8')).replace('tags: []', 'tags: [Rusya]'));
    const again = await importFiles(SEED_CAPTURE_FILE);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already archives https://anlatilaninotesi.com.tr/');
    expect(again.stderr).toContain('Nothing was written.');
    expect(await readFile(join(into, file!), 'utf8')).toContain('tags: [Rusya]');
    expect((await importFiles(SEED_CAPTURE_FILE, '--force')).code).toBe(0);
    expect(await written()).toEqual([file]);
    expect(await readFile(join(into, file!), 'utf8')).toContain('tags: []');
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
    expect(body).toContain('Fuar alanında kurulan standlarda **yerli üreticiler** ürünlerini tanıttı.');
    expect(body).toContain("## Kültürpark'ta konserler");
    expect(body).not.toMatch(/Ana sayfa|Tüm hakları/);
  });

  test('a page with only Open Graph and a <time>', async () => {
    expect((await importFiles(join(FIXTURES, 'opengraph.html'))).code).toBe(0);
    const { data, body } = await readArticle('2025/04/01-sirnakta-yeni-havalimani-seferleri.md');
    expect(data).toMatchObject({ source: { name: 'Doğu Haber', url: 'https://www.dogu.example/sirnak-ucus' }, publishedAt: { date: '2025-04-01' } });
    expect(body.startsWith("Şırnak Şerafettin Elçi Havalimanı'ndan")).toBe(true);
  });

  test('a single-file save whose address is in a comment, and whose publisher must be given by hand', async () => {
    const page = join(FIXTURES, 'singlefile.html');
    const without = await importFiles(page);
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('singlefile.html: found no the source’s name: give it with --source-name');
    expect(await written()).toEqual([]);
    expect((await importFiles(page, '--source-name', 'Karadeniz Gazetesi')).code).toBe(0);
    const { data } = await readArticle('2025/08/12-findik-hasadi-basladi.md');
    expect(data.source).toEqual({ name: 'Karadeniz Gazetesi', url: 'https://karadeniz.example/haber/findik-hasadi' });
  });
});

describe('bad input gets a clear error, no stack trace, and nothing written', () => {
  const capture = 'date 2025-10-28 https://haber.example/x\nBaşlık\nÖzet. 28.10.2025, Deneme Ajansı\nMetin.';
  test.each([
    ['an empty file', 'bos.txt', '', 'bos.txt: the file is empty'],
    ['a missing date line', 'tarihsiz.txt', 'Başlık\nÖzet\nMetin', 'tarihsiz.txt:1: expected "date YYYY-MM-DD URL"'],
    ['a malformed date line', 'bozuk.txt', capture.replace('date 2025-10-28', 'tarih 2025-10-28'), 'bozuk.txt:1: expected "date YYYY-MM-DD URL"'],
    ['an invalid date', 'gecersiz.txt', capture.replace('2025-10-28', '2025-02-30'), 'gecersiz.txt:1: "2025-02-30" is not a real date'],
    ['a URL that is not http(s)', 'adres.txt', capture.replace('https://', 'ftp://'), 'adres.txt:1: "ftp://haber.example/x" is not an absolute http(s) URL'],
    ['a binary file', 'resim.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]), 'resim.txt: is a binary file'],
    ['a file over the size limit', 'buyuk.txt', `${capture}\n${'Uzun metin. '.repeat(500_000)}`, 'buyuk.txt: is 5.7 MiB, more than the 5 MiB'],
    ['text in Windows-1254', 'eski.txt', Buffer.from([...Buffer.from('date 2025-10-28 https://haber.example/x\n'), 0xdd, 0x7a, 0x6d, 0x69, 0x72]), 'eski.txt: is not UTF-8 text'],
  ])('%s', async (_, name, content, message) => {
    await writeFile(join(inputs, name), content);
    const result = await importFiles(join(inputs, name), SEED_CAPTURE_FILE);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
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
