import { expect, test } from 'vitest';
import { parseExcerpt } from '../../src/lib/excerpt.ts';

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
