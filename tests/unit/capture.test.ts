import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseFrontmatter } from 'astro/markdown';
import { articleSchema } from '../../src/lib/article.ts';
import { articleFile, articleFilePath } from '../../src/lib/article-file.ts';
import {
  bodyMarkdown,
  CaptureError,
  isQuotedSubheading,
  parseCapture,
  splitParagraphs,
} from '../../src/lib/capture.ts';
import { SEED_ARTICLE_FILE, SEED_CAPTURE_FILE } from '../support/seed.ts';

const seedCapture = readFileSync(SEED_CAPTURE_FILE, 'utf8');
const seedArticle = readFileSync(SEED_ARTICLE_FILE, 'utf8');

describe('splitParagraphs', () => {
  test.each([
    [
      'a full stop touching a capital',
      'Bakan konuştu.Ankara’da toplantı yapıldı.',
      ['Bakan konuştu.', 'Ankara’da toplantı yapıldı.'],
    ],
    [
      'a question mark and a Turkish capital',
      'Ne olacak?İstanbul bekliyor.',
      ['Ne olacak?', 'İstanbul bekliyor.'],
    ],
    [
      'a closing quote after the full stop',
      '"Hazırız." dedi.Bakan "Sonuç gerek."Ardından ayrıldı.',
      ['"Hazırız." dedi.', 'Bakan "Sonuç gerek."', 'Ardından ayrıldı.'],
    ],
    [
      'an opening quote after the full stop',
      'Açıklama yaptı."Sonuç bekliyoruz" dedi.',
      ['Açıklama yaptı.', '"Sonuç bekliyoruz" dedi.'],
    ],
    [
      'a closing quote touching a capital',
      "vurguladı.'Barış uzak değil'Lavrov konuştu.",
      ['vurguladı.', "'Barış uzak değil'", 'Lavrov konuştu.'],
    ],
  ])('splits at %s', (_, text, expected) => {
    expect(splitParagraphs(text)).toEqual(expected);
  });

  test.each([
    ['an ordinal', '3.Avrasya Konferansı açıldı.'],
    ['an ordinal with a space', 'Minsk’te 3. Avrasya Konferansı açıldı.'],
    ['initials', 'A.Ş. Genel Müdürü T.C. Başkanlığına yazdı.'],
    ['an abbreviation', 'Prof.Dr. Ayşe Yılmaz konuştu.'],
    [
      'apostrophes inside words',
      "Trump'ın Putin'in önerisini 'iyi fikir' olarak değerlendirdiği ABD'den bildirildi.",
    ],
    ['a decimal', 'Enflasyon yüzde 3.5 oldu.'],
  ])('keeps %s together', (_, text) => {
    expect(splitParagraphs(text)).toEqual([text]);
  });
});

describe('isQuotedSubheading', () => {
  test('a short quotation alone between paragraphs', () => {
    expect(
      isQuotedSubheading("'START Anlaşması'nın uzatılması uzun zamandır konuşulmuyor'", 3, 10),
    ).toBe(true);
    expect(isQuotedSubheading('“Barış uzak değil”', 1, 3)).toBe(true);
  });

  test('not a quoted sentence, a long quotation, or the first or last paragraph', () => {
    expect(isQuotedSubheading('"Hazırız. Sonuç gerek."', 1, 3)).toBe(false);
    expect(isQuotedSubheading(`"${'uzun '.repeat(30)}"`, 1, 3)).toBe(false);
    expect(isQuotedSubheading('"Başlık"', 0, 3)).toBe(false);
    expect(isQuotedSubheading('"Başlık"', 2, 3)).toBe(false);
    expect(isQuotedSubheading('Lavrov "hazırız" dedi', 1, 3)).toBe(false);
  });

  test('bodyMarkdown makes it a heading', () => {
    expect(bodyMarkdown("Bir.'Ara başlık'Lavrov konuştu.")).toBe(
      "Bir.\n\n## 'Ara başlık'\n\nLavrov konuştu.",
    );
  });
});

describe('parseCapture', () => {
  test('restores the seed article exactly as the archive holds it', () => {
    const draft = parseCapture(seedCapture);
    expect(draft.title).toBe(
      'Lavrov: Putin-Trump zirvesinin sonuç vereceğine dair garantilere ihtiyacımız var',
    );
    expect(draft.source).toEqual({
      name: 'Sputnik Türkiye',
      url: 'https://anlatilaninotesi.com.tr/20251028/lavrov-putin-trump-zirvesinin-sonuc-verecegine-dair-garantilere-ihtiyacimiz-var-1100546880.html',
    });
    expect(draft.publishedAt).toBe('2025-10-28');
    expect(draft.description).toMatch(/mesajını verdi\.$/);
    expect(draft.body).toBe(seedArticle.split(/^---$/m)[2]!.trim());
  });

  test.each([
    ['', 'the file is empty', undefined],
    ['Başlık\nÖzet\nMetin', 'expected "date YYYY-MM-DD URL"', 1],
    [
      'date 28.10.2025 https://a.example/x\nBaşlık\nÖzet\nMetin',
      '"28.10.2025" is not a real date',
      1,
    ],
    [
      'date 2025-02-30 https://a.example/x\nBaşlık\nÖzet\nMetin',
      '"2025-02-30" is not a real date',
      1,
    ],
    ['date 2025-10-28 ftp://a.example/x\nBaşlık\nÖzet\nMetin', 'is not an absolute http(s) URL', 1],
    ['\n\ndate 2025-10-28 https://a.example/x\nBaşlık\nÖzet', 'the body is missing', 6],
  ])('names the problem and its line: %j', (text, message, line) => {
    try {
      parseCapture(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CaptureError);
      expect((error as CaptureError).message).toContain(message);
      expect((error as CaptureError).line).toBe(line);
    }
  });

  test('reads a lede without a dateline, leaving the source name to be given', () => {
    const draft = parseCapture(
      'date 2025-10-28 https://a.example/x\nBaşlık\nÖzet cümlesi.\nMetin.',
    );
    expect(draft.description).toBe('Özet cümlesi.');
    expect(draft.source.name).toBeUndefined();
  });
});

describe('articleFile', () => {
  const fields = {
    title: 'Lavrov: "garanti" gerek',
    description: 'Özet: iki nokta ve # işareti.',
    publishedAt: '2025-10-28T14:05:00+03:00',
    archivedAt: '2026-11-30',
    source: { name: 'Sputnik Türkiye', url: 'https://anlatilaninotesi.com.tr/x.html' },
    lang: 'tr',
    tags: [],
  };

  test('writes front matter the archive reads back to the same values, and the file’s place', () => {
    const { text, data } = articleFile(fields, 'Metin.\n');
    const { frontmatter, content } = parseFrontmatter(text);
    expect(articleSchema.parse(frontmatter)).toEqual(data);
    expect(data.title).toBe('Lavrov: "garanti" gerek');
    expect(content.trim()).toBe('Metin.');
    expect(articleFilePath(data)).toBe('2025/10/28-lavrov-garanti-gerek.md');
  });

  test('refuses what the schema refuses, naming the field', () => {
    expect(() =>
      articleFile({ ...fields, source: { ...fields.source, url: 'ftp://x.example/a' } }, 'Metin.'),
    ).toThrow(/source\.url/);
    expect(() => articleFile(fields, '  ')).toThrow('the article has no body');
  });
});
