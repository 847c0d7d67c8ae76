import { glob, readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, test } from 'vitest';
import { projectRoot } from '../support/site.ts';

/**
 * A host installs `dependencies` only (`npm ci --omit=dev`) and builds the site: every package
 * the build imports at run time must be one of them. A development dependency the build imports
 * can still resolve there through another package's copy (Astro's own `js-yaml` 4, where the
 * archive writes with 5), so the host build alone would not catch it.
 */

const BUILD_SOURCES = ['astro.config.mjs', 'src/**/*.{ts,mjs,astro}'];
/** Modules the build provides itself. */
const PROVIDED = new Set(['astro', ...builtinModules]);

/** The package a bare import specifier names (`hast-util-select/lib` → `hast-util-select`); undefined for a relative or virtual one. */
function packageOf(specifier: string): string | undefined {
  if (/^(\.|\/|node:|astro:|virtual:)/.test(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The specifiers a module imports at run time (type-only imports left out), read with TypeScript's parser. */
function runtimeImports(file: string, source: string): string[] {
  // An .astro file's imports stand in its front matter (between its `---` fences) and its
  // bundled `<script>`s.
  const script = file.endsWith('.astro')
    ? [
        /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '',
        ...[...source.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!),
      ].join('\n')
    : source;
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) ||
      (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier)
    ) {
      if (node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier))
        specifiers.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, script, ts.ScriptTarget.Latest, true));
  return specifiers;
}

test('every package the site build imports is a dependency, not a development one', async () => {
  const manifest = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8'));
  const dependencies = new Set(Object.keys(manifest.dependencies));
  const imported = new Map<string, string>();
  for await (const file of glob(BUILD_SOURCES, { cwd: projectRoot })) {
    const source = await readFile(join(projectRoot, file), 'utf8');
    for (const specifier of runtimeImports(file, source)) {
      const name = packageOf(specifier);
      if (name && !PROVIDED.has(name) && !imported.has(name)) imported.set(name, file);
    }
  }
  // The check reads real imports: the build's own packages are among them.
  expect([...imported.keys()]).toEqual(expect.arrayContaining(['pagefind', 'date-fns', 'js-yaml']));
  const missing = [...imported].filter(([name]) => !dependencies.has(name));
  expect(missing.map(([name, file]) => `${name} (imported by ${file})`)).toEqual([]);
});
