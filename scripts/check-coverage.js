// Per-folder line coverage after the browser tests (reads coverage/coverage-summary.json).
// src/storage and src/domain carry the rules every widget and the server trust: ≥ 90 % lines.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

const THRESHOLDS = { 'src/storage/': 90, 'src/domain/': 90 };
const summaryPath = 'coverage/coverage-summary.json';
if (!existsSync(summaryPath)) {
  console.error(`coverage: ${summaryPath} is missing; run the browser tests first.`);
  process.exit(1);
}
const summary = JSON.parse(readFileSync(summaryPath, 'utf8'));
let failed = false;
console.log('\nline coverage by folder');
for (const [folder, minimum] of Object.entries(THRESHOLDS)) {
  let covered = 0;
  let total = 0;
  for (const [file, figures] of Object.entries(summary)) {
    if (file === 'total') continue;
    if (!relative(process.cwd(), file).startsWith(folder)) continue;
    covered += figures.lines.covered;
    total += figures.lines.total;
  }
  if (total === 0) {
    console.log(`  ${folder.padEnd(14)}  (no files yet)`);
    continue;
  }
  const pct = (100 * covered) / total;
  const ok = pct >= minimum;
  failed ||= !ok;
  console.log(
    `  ${folder.padEnd(14)} ${pct.toFixed(1).padStart(5)} %  (minimum ${minimum} %) ${ok ? 'ok' : 'TOO LOW'}`,
  );
}
process.exit(failed ? 1 : 0);
