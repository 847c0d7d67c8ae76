import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { XMLValidator } from 'fast-xml-parser';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { HtmlValidate } from 'html-validate';
import type { Page } from 'playwright-core';
import { htmlFiles } from './dist.ts';

/**
 * The checks run over every built site. Each returns what it found wrong, one line a problem, so
 * that a test can show both that the archive passes and that a broken page fails.
 */

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Titles are the publishers' headlines, kept whole in a faithful copy.
    'long-title': 'off',
    // The doctype's case is style only; Astro writes its redirect pages' in lowercase.
    'doctype-style': 'off',
  },
});

/** Why `xml` is not well-formed XML (with its line), or undefined when it is. */
export function xmlProblem(xml: string): string | undefined {
  const verdict = XMLValidator.validate(xml);
  return verdict === true ? undefined : `line ${verdict.err.line}: ${verdict.err.msg}`;
}

/** html-validate's recommended rules over every HTML file of `dist`. */
export async function htmlProblems(dist: string): Promise<string[]> {
  const problems: string[] = [];
  for (const page of await htmlFiles(dist)) {
    const report = await validator.validateString(await readFile(join(dist, page), 'utf8'), page);
    for (const result of report.results) {
      for (const message of result.messages)
        problems.push(`${page}:${message.line}: ${message.ruleId} ${message.message}`);
    }
  }
  return problems;
}

/** Every link and asset reference of every HTML file of `dist` that points into the site but at no file. */
export async function brokenReferences(dist: string): Promise<string[]> {
  const broken: string[] = [];
  for (const page of await htmlFiles(dist)) {
    const tree = fromHtml(await readFile(join(dist, page), 'utf8'));
    for (const node of selectAll('a[href], link[href], script[src], img[src], source[src]', tree)) {
      const reference = String(node.properties.href ?? node.properties.src);
      const url = new URL(reference, `https://archive.test/${page}`);
      if (url.origin !== 'https://archive.test') continue;
      const path = decodeURIComponent(url.pathname);
      if (!existsSync(join(dist, path.endsWith('/') ? `${path}index.html` : path)))
        broken.push(`${page}: ${reference}`);
    }
  }
  return broken;
}

/**
 * axe-core's WCAG 2.0–2.2 A and AA rules on the page as it is now. In axe's legacy mode, which runs
 * the rules in the page itself: its default opens a blank page, a renderer of its own, to gather
 * each frame's results, which only a page with frames from another origin needs (the archive's
 * have none). Same results, a third less CPU a check (BENCHMARKS.md, “The test suite”).
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .setLegacyMode()
    .analyze();
  return violations.map(
    (violation) =>
      `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}
