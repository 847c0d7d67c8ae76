import { describe, expect, test } from 'vitest';
import { articleSourceProblem } from '../../src/lib/article-source.ts';

const article = `---
title: "Iğdır'da sağanak: Şırnak ve Ağrı'da da yağış etkili oldu"
description: "Çiftçiler ürünlerini kurtarmaya çalıştı."
publishedAt: 2025-10-28
---

Iğdır'da öğleden sonra başlayan sağanak, ılık havanın ardından geldi. İlçede çarşı sular altında kaldı.
`;

/** The text in a single-byte code page (Windows' Turkish code page is ISO-8859-9 but for 0x80–0x9F, which this text lacks). */
function latin5(text: string): Uint8Array {
  const table: Record<string, number> = { Ğ: 0xd0, İ: 0xdd, Ş: 0xde, ğ: 0xf0, ı: 0xfd, ş: 0xfe };
  return Uint8Array.from([...text], (char) => table[char] ?? char.charCodeAt(0));
}

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = [...(bom ? '\uFEFF' : ''), ...text].map((char) => char.charCodeAt(0));
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  units.forEach((unit, index) => view.setUint16(index * 2, unit, littleEndian));
  return bytes;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('articleSourceProblem', () => {
  test('accepts UTF-8 with LF, CRLF, a byte order mark, blank lines before the front matter', () => {
    for (const text of [
      article,
      article.replace(/\n/g, '\r\n'),
      `\uFEFF${article}`,
      `\n\n${article}`,
    ])
      expect(articleSourceProblem(utf8(text))).toBeUndefined();
  });

  test('names the Turkish code page of a file saved in it', () => {
    expect(articleSourceProblem(latin5(article))).toMatch(
      /^is not UTF-8 text but looks like .*windows-1254.*: save it as UTF-8/,
    );
  });

  test('names UTF-16, with or without a byte order mark, in either byte order', () => {
    for (const [littleEndian, bom, name] of [
      [true, true, 'UTF-16LE'],
      [false, true, 'UTF-16BE'],
      [true, false, 'UTF-16LE'],
      [false, false, 'UTF-16BE'],
    ] as const)
      expect(articleSourceProblem(utf16(article, littleEndian, bom)), name).toMatch(
        new RegExp(`looks like ${name}`),
      );
  });

  test('says that lines ending in CR alone are the problem', () => {
    expect(articleSourceProblem(utf8(article.replace(/\n/g, '\r')))).toMatch(
      /carriage return alone/,
    );
  });

  test('says that the front matter is not closed, or missing', () => {
    expect(articleSourceProblem(utf8(article.replace(/\n---\n\n/, '\n\n')))).toMatch(
      /front matter that is never closed/,
    );
    expect(articleSourceProblem(utf8(article.slice(4)))).toMatch(/has no front matter/);
  });
});
