// Prints the JavaScript the first page loads (index.html's module scripts and their preloads), gzipped, and fails the
// build above the budget of issue 21 (300 KB).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 300 * 1024;
const out = 'target/classes/marquee-console';
const html = readFileSync(join(out, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/(?:src|href)="\/console\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const script of new Set(scripts)) {
  const size = gzipSync(readFileSync(join(out, script))).length;
  total += size;
  console.log(`first page: ${script} ${(size / 1024).toFixed(1)} KB gzipped`);
}
console.log(`first page JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET / 1024} KB)`);
if (scripts.length === 0 || total > BUDGET) {
  console.error(scripts.length === 0 ? 'no script found in index.html' : 'over the budget');
  process.exit(1);
}
