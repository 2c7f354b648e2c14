#!/usr/bin/env node
// Bundle budget: module.js (loaded by Grafana for every app in the nav) and all JavaScript in dist/, gzipped.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
if (!existsSync(path.join(dist, 'module.js'))) {
  console.error('dist/module.js is missing: run `npm run build` first.');
  process.exit(1);
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function jsFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      return jsFiles(full);
    }
    return name.endsWith('.js') ? [full] : [];
  });
}

const files = jsFiles(dist).map((f) => ({ name: path.relative(dist, f), raw: statSync(f).size, gzip: gz(f) }));
files.sort((a, b) => b.gzip - a.gzip);
const moduleJs = files.find((f) => f.name === 'module.js');
const total = files.reduce((sum, f) => sum + f.gzip, 0);

console.log('Bundle size (gzip -9)');
for (const f of files.slice(0, 12)) {
  console.log(`  ${f.name.padEnd(28)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip`);
}
if (files.length > 12) {
  console.log(`  … ${files.length - 12} more files`);
}
console.log(`module.js: ${kb(moduleJs.gzip)} gzip (budget 50 KB) ${moduleJs.gzip < 50 * 1024 ? 'within' : 'OVER'}`);
console.log(`all JavaScript: ${kb(total)} gzip in ${files.length} files (budget 400 KB) ${total < 400 * 1024 ? 'within' : 'OVER'}`);
