/**
 * docs/privacy.md names, for every line of its tables, the test that proves it: each name must be
 * a test (or suite) that exists, so the threat model never cites a test that was renamed or removed.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from './helpers.js';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? testFiles(join(dir, entry.name))
      : entry.name.endsWith('.test.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

test('every test docs/privacy.md names exists', () => {
  const doc = readFileSync(join(ROOT, 'docs/privacy.md'), 'utf8');
  const tests = testFiles(join(ROOT, 'test'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  const named = new Set<string>();
  for (const line of doc.split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line.split('|').slice(1, -1);
    const last = cells[cells.length - 1] ?? '';
    for (const match of last.matchAll(/`([^`]+)`/g)) named.add(match[1]!.replace(/^browser: /, ''));
  }
  assert.ok(named.size >= 14, `found ${named.size} test names in the tables`);
  // Test names are written in quotes; an apostrophe may be typographic in the doc and plain in code.
  const plain = (text: string) => text.replace(/[‘’]/g, "'");
  const haystack = plain(tests);
  for (const name of named) assert.ok(haystack.includes(plain(name)), `no test is named "${name}"`);
});
