// Precompresses the build (issue 21): beside every text file of dist/ a brotli (.br, quality 11) and a
// gzip (.gz, level 9) copy, each kept only when smaller. The API serves the smallest one a browser
// takes (apps/api/src/http/static-assets.ts), so no request pays for compression at run time.
// Usage: node scripts/compress.mjs [dist]
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? 'dist');
const TEXT = /\.(?:html|js|mjs|css|svg|json|webmanifest|txt|map)$/i;

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(file) : entry.isFile() ? [file] : [];
  });

let before = 0;
let afterBr = 0;
let count = 0;
for (const file of walk(dist)) {
  if (file.endsWith('.br') || file.endsWith('.gz')) {
    unlinkSync(file); // left from an earlier run
    continue;
  }
  if (!TEXT.test(file)) continue;
  const source = readFileSync(file);
  const variants = {
    br: brotliCompressSync(source, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_SIZE_HINT]: source.length },
    }),
    gz: gzipSync(source, { level: 9 }),
  };
  for (const [ext, data] of Object.entries(variants)) {
    if (data.length < source.length) writeFileSync(`${file}.${ext}`, data);
  }
  before += source.length;
  afterBr += Math.min(variants.br.length, source.length);
  count += 1;
}
console.log(`compressed ${count} files in ${path.relative(process.cwd(), dist) || '.'}: ${(before / 1024).toFixed(0)} KB → ${(afterBr / 1024).toFixed(0)} KB with brotli`);
if (!statSync(dist).isDirectory()) process.exit(1);
