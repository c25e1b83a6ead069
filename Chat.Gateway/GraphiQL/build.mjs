// Bundles ide.jsx (GraphiQL, React, graphql-ws) and its CSS into two files the gateway embeds and serves itself:
// the IDE must work where no CDN is reachable. Usage: node build.mjs <output directory>
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(process.argv[2] ?? path.join(here, 'dist'));

await build({
  entryPoints: { ide: path.join(here, 'ide.jsx') },
  outdir,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  jsx: 'automatic',
  loader: { '.woff2': 'dataurl' },
  define: { 'process.env.NODE_ENV': '"production"' },
  // The licences of React, GraphiQL, CodeMirror ... stay with the code they cover, gathered at the end.
  legalComments: 'eof',
  logLevel: 'warning',
});
