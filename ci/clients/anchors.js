#!/usr/bin/env node
// Checks rendered HTML files (cmark-gfm's output of the Markdown, or Hugo's pages) for what a
// reader would see broken:
//   - heading attribute syntax shown as text: `{#…}` (or `{.…}`) inside a heading;
//   - dead in-page links: every href="#x" must have an element with id="x" in the same file.
// Usage: node anchors.js FILE.html...   Exit 1 if any file has a problem, naming each.
'use strict';
const fs = require('fs');

const decode = (s) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

let problems = 0;
let links = 0;
for (const file of process.argv.slice(2)) {
  const html = fs.readFileSync(file, 'utf8');
  for (const m of html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)) {
    const text = decode(m[2].replace(/<[^>]*>/g, ''));
    if (/\{\s*[#.][^}]*\}/.test(text)) {
      console.log(`FAIL ${file}: heading shows attribute syntax as text: ${text.trim()}`);
      problems++;
    }
  }
  const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1])));
  for (const m of html.matchAll(/\shref="#([^"]*)"/g)) {
    links++;
    const id = decode(m[1]);
    let target = id;
    try {
      target = decodeURIComponent(id);
    } catch (_) {}
    if (!ids.has(id) && !ids.has(target)) {
      console.log(`FAIL ${file}: in-page link #${id} has no target`);
      problems++;
    }
  }
}
if (problems > 0) process.exit(1);
console.log(`anchors: ${process.argv.length - 2} files, ${links} in-page links, all with targets; no attribute syntax in headings`);
