// Prints the gzipped size of the initial JS (entry chunk + the chunks index.html preloads) and of the
// lazy chunks, as JSON. `npm run size -w console` (builds first). Budget: 350 KB gzipped initial JS.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUDGET_GZIP_BYTES = 350 * 1024;

export async function measure(outDir = path.join(root, 'dist')) {
  await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const gz = (f) => gzipSync(readFileSync(path.join(outDir, f))).length;
  const all = readdirSync(path.join(outDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const initialGzip = initial.reduce((a, f) => a + gz(f), 0);
  const lazy = all.filter((f) => !initial.includes(f)).map((f) => ({ file: f, gzipBytes: gz(f) }));
  return {
    initialFiles: initial,
    initialGzipBytes: initialGzip,
    budgetGzipBytes: BUDGET_GZIP_BYTES,
    baselineReactOnlyGzipBytes: await reactBaseline(),
    lazy,
  };
}

/** Baseline in the same run: a hello-world React 19 app built the same way (the floor of any React app). */
async function reactBaseline() {
  const dir = path.join(root, 'node_modules', '.cache', 'size-baseline');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'index.html'),
    '<div id="r"></div><script type="module" src="./main.js"></script>',
  );
  writeFileSync(
    path.join(dir, 'main.js'),
    "import { createElement } from 'react';\nimport { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('r')).render(createElement('p', null, 'hi'));\n",
  );
  const out = path.join(dir, 'dist');
  await build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    build: { outDir: out, emptyOutDir: true },
  });
  return readdirSync(path.join(out, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .reduce((a, f) => a + gzipSync(readFileSync(path.join(out, 'assets', f))).length, 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await measure();
  console.log(JSON.stringify(r, null, 2));
  if (r.initialGzipBytes > BUDGET_GZIP_BYTES) process.exit(1);
}
