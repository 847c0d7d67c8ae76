import { describe, expect, test } from 'vitest';
import { articleSchema } from '../../src/lib/article.ts';
import { apa, bibtex, mla } from '../../src/lib/citation.ts';

const data = articleSchema.parse({
  title: 'Lavrov: Putin-Trump zirvesinin sonuç vereceğine dair garantilere ihtiyacımız var',
  description: 'Özet.',
  publishedAt: '2025-10-28',
  archivedAt: '2026-11-30',
  source: { name: 'Sputnik Türkiye', url: 'https://anlatilaninotesi.com.tr/x.html' },
});
const citation = {
  data,
  copy: 'https://arsiv.example/2025/10/28/lavrov/',
  archive: 'Haber Arşivi',
};

test('APA gives the publisher, the year and the day with a Turkish month, the title and both addresses', () => {
  expect(apa(citation, 'Arşiv kopyası')).toBe(
    'Sputnik Türkiye. (2025, 28 Ekim). Lavrov: Putin-Trump zirvesinin sonuç vereceğine dair garantilere ihtiyacımız var. https://anlatilaninotesi.com.tr/x.html (Arşiv kopyası: https://arsiv.example/2025/10/28/lavrov/)',
  );
});

test('MLA quotes the title and writes the date in Turkish words', () => {
  expect(mla(citation)).toBe(
    '“Lavrov: Putin-Trump zirvesinin sonuç vereceğine dair garantilere ihtiyacımız var.” Sputnik Türkiye, 28 Ekim 2025, https://anlatilaninotesi.com.tr/x.html. Haber Arşivi, https://arsiv.example/2025/10/28/lavrov/.',
  );
});

test('BibTeX is an @online entry with an ASCII key, the day of the copy and escaped special characters', () => {
  expect(bibtex(citation)).toBe(`@online{sputnikturkiye2025lavrov,
  title = {Lavrov: Putin-Trump zirvesinin sonuç vereceğine dair garantilere ihtiyacımız var},
  organization = {Sputnik Türkiye},
  date = {2025-10-28},
  url = {https://anlatilaninotesi.com.tr/x.html},
  urldate = {2026-11-30},
  note = {Haber Arşivi: \\url{https://arsiv.example/2025/10/28/lavrov/}},
  langid = {turkish}
}`);
  const tricky = bibtex({
    ...citation,
    data: { ...data, title: '%50 zam & {kur} $ farkı_ \\ yok' },
  });
  expect(tricky).toContain('title = {\\%50 zam \\& \\{kur\\} \\$ farkı\\_ \\textbackslash{} yok}');
});

describe('an article whose original names its authors', () => {
  const withAuthors = (authors: string[]) => ({ ...citation, data: { ...data, authors } });

  test('APA lists them, joined by “&”, before the date, and gives the publisher after the title', () => {
    expect(apa(withAuthors(['Stella Kim', 'Jennifer Jett']), 'Arşiv kopyası')).toBe(
      'Stella Kim & Jennifer Jett. (2025, 28 Ekim). Lavrov: Putin-Trump zirvesinin sonuç vereceğine dair garantilere ihtiyacımız var. Sputnik Türkiye. https://anlatilaninotesi.com.tr/x.html (Arşiv kopyası: https://arsiv.example/2025/10/28/lavrov/)',
    );
  });

  test('MLA names one or two, and the first with “et al.” for three', () => {
    expect(mla(withAuthors(['Stella Kim']))).toMatch(/^Stella Kim\. “Lavrov/);
    expect(mla(withAuthors(['Stella Kim', 'Jennifer Jett']))).toMatch(
      /^Stella Kim, and Jennifer Jett\. “Lavrov/,
    );
    expect(mla(withAuthors(['Martin Untersinger', 'Damien Leloup', 'Morgane Tual']))).toMatch(
      /^Martin Untersinger, et al\. “Lavrov/,
    );
  });

  test('BibTeX gives each as one braced name, joined by “and”', () => {
    expect(bibtex(withAuthors(['Stella Kim', 'Jennifer Jett']))).toContain(
      '  author = {{Stella Kim} and {Jennifer Jett}},\n  title = {',
    );
  });
});
