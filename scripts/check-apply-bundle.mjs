// Prints the gzipped size of the apply journey's JavaScript (its entry and every chunk it imports)
// and fails when it is over budget. Run after `vite build`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150 * 1024;
const ENTRY = 'src/apply/enhance.ts';
const manifest = JSON.parse(readFileSync('web/dist/.vite/manifest.json', 'utf8'));

const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(ENTRY);
if (files.size === 0) throw new Error(`No ${ENTRY} in the Vite manifest: build the web app first.`);

const bytes = [...files].reduce((sum, file) => sum + gzipSync(readFileSync(`web/dist/${file}`)).length, 0);
console.log(`apply journey JavaScript: ${(bytes / 1024).toFixed(2)} KB gzipped in ${files.size} file(s); budget ${BUDGET_BYTES / 1024} KB`);
if (bytes > BUDGET_BYTES) process.exit(1);
