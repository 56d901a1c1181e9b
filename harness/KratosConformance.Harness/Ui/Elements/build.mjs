import { build } from "esbuild";
import { writeFileSync } from "node:fs";
const out = process.argv[2];
await build({
  entryPoints: ["src/main.jsx"],
  bundle: true,
  minify: true,
  format: "esm",
  outdir: out,
  entryNames: "app",
  jsx: "automatic",
  loader: { ".svg": "dataurl", ".woff": "dataurl", ".woff2": "dataurl", ".png": "dataurl" },
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});
writeFileSync(out + "/index.html", `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in</title>
<link rel="stylesheet" href="/app.css"><script src="/kc-config.js"></script></head>
<body><div id="root"></div><script type="module" src="/app.js"></script></body></html>
`);
