import { expect, test } from 'vitest';
import { articleSchema } from '../../src/lib/article.ts';
import { apa, bibtex, mla } from '../../src/lib/citation.ts';

const data = articleSchema.parse({
  title: 'Lavrov: Putin-Trump zirvesinin sonuç vereceğine dair garantilere ihtiyacımız var',
  description: 'Özet.',
  publishedAt: '2025-10-28',
  archivedAt: '2026-11-30',
  source: { name: 'Sputnik Türkiye', url: 'https://anlatilaninotesi.com.tr/x.html' },
});
const citation = { data, copy: 'https://arsiv.example/2025/10/28/lavrov/', archive: 'Haber Arşivi' };

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
  const tricky = bibtex({ ...citation, data: { ...data, title: '%50 zam & {kur} $ farkı_ \\ yok' } });
  expect(tricky).toContain('title = {\\%50 zam \\& \\{kur\\} \\$ farkı\\_ \\textbackslash{} yok}');
});
