import { afterEach, expect, test } from 'vitest';
import { buildSite, createFixtureSite, removeFixtureSite } from '../support/site.ts';

const fixtures: string[] = [];
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map(removeFixtureSite));
});

async function build(articles: Record<string, string>) {
  const root = await createFixtureSite(articles);
  fixtures.push(root);
  return buildSite(root);
}

const article = (frontMatter: string, body = 'Metin.') => `---\n${frontMatter}\n---\n\n${body}\n`;
const validFrontMatter = `title: "İzmir'de yağmur"
description: "Kısa özet."
publishedAt: 2025-10-28
source:
  name: Örnek Ajans
  url: https://ornek.example/haber/1`;

test('an article without a title fails the build, naming the file and the field', async () => {
  const result = await build({ '2025/eksik-baslik.md': article(validFrontMatter.replace(/^title:.*\n/, '')) });
  expect(result.ok).toBe(false);
  expect(result.output).toContain('eksik-baslik.md');
  expect(result.output).toMatch(/title/);
});

test('an impossible date fails the build, naming the file and the field', async () => {
  const result = await build({ 'kotu-tarih.md': article(validFrontMatter.replace('2025-10-28', '"2025-02-30"')) });
  expect(result.ok).toBe(false);
  expect(result.output).toContain('kotu-tarih.md');
  expect(result.output).toContain('publishedAt');
  expect(result.output).toContain('2025-02-30');
});

test('two articles with one permalink fail the build, naming both files', async () => {
  const result = await build({ 'bir.md': article(validFrontMatter), 'iki.md': article(validFrontMatter) });
  expect(result.ok).toBe(false);
  expect(result.output).toContain('/2025/10/28/izmirde-yagmur/');
  expect(result.output).toMatch(/bir\.md[\s\S]*iki\.md|iki\.md[\s\S]*bir\.md/);
});
