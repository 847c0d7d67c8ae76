import { describe, expect, test } from 'vitest';
import { buildExcerpt, parseExcerpt } from '../../src/lib/excerpt.ts';

test('keeps the marked runs and decodes entities into text', () => {
  expect(parseExcerpt('açıklama yapan <mark>Lavrov,</mark> &quot;Rusya &amp; ABD&quot;')).toEqual([
    { text: 'açıklama yapan ', marked: false },
    { text: 'Lavrov,', marked: true },
    { text: ' "Rusya & ABD"', marked: false },
  ]);
});

test('turns anything else that looks like markup into text', () => {
  const parts = parseExcerpt('<img src=x onerror=alert(1)> &lt;script&gt;alert(1)&lt;/script&gt; <mark>x</mark>');
  expect(parts.map((part) => part.text).join('')).toBe('<img src=x onerror=alert(1)> <script>alert(1)</script> x');
  expect(parts.filter((part) => part.marked).map((part) => part.text)).toEqual(['x']);
});

describe('buildExcerpt', () => {
  const text = Array.from({ length: 100 }, (_, index) => `w${index}`).join(' ');

  test('centres on the densest run of matches and marks them', () => {
    const parts = buildExcerpt(text, [3, 60, 62, 64], 10);
    expect(parts.map((part) => part.text).join('')).toBe('… w59 w60 w61 w62 w63 w64 w65 w66 w67 w68 …');
    expect(parts.filter((part) => part.marked).map((part) => part.text)).toEqual(['w60', 'w62', 'w64']);
  });

  test('starts at the beginning when the match is there, and keeps punctuation and spelling', () => {
    const parts = buildExcerpt('Rusya Dışişleri Bakanı Sergey Lavrov, Moskova’nın', [1, 4], 30);
    expect(parts).toEqual([
      { text: 'Rusya ', marked: false },
      { text: 'Dışişleri', marked: true },
      { text: ' Bakanı Sergey ', marked: false },
      { text: 'Lavrov,', marked: true },
      { text: ' Moskova’nın', marked: false },
    ]);
  });

  test('shows a break between a title and its lede as a dash, unless punctuation ends the title', () => {
    const join = (parts: { text: string }[]) => parts.map((part) => part.text).join('');
    expect(join(buildExcerpt('Kemik iliği bağışı\nHastaneler arıyor.\nUzmanlar', [0]))).toBe('Kemik iliği bağışı — Hastaneler arıyor. Uzmanlar');
  });
});
