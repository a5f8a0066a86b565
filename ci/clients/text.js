#!/usr/bin/env node
// Text helpers for ci/verify-clients.sh.
//
//   node text.js md-headings FILE.md
//       Prints "<level>\t<text>" for the title (the front matter's `title`, or the `# `
//       heading) and every `## ` section heading of a rendered notice, as plain text: the
//       `{#id}` attribute, Markdown escapes and inline markup removed.
//   node text.js expect TEXT.txt [--present-file LIST] [--absent TEXT]...
//       Checks that every line of LIST occurs in TEXT.txt and that no --absent text does,
//       comparing without whitespace and hyphens (pdftotext breaks lines and joins
//       hyphenated words). Prints what is wrong; exit 1 if anything is.
//   node text.js pdf-layout BBOX.html [--margin-mm N]
//       Reads `pdftotext -bbox` output and checks every page: no word closer than N mm
//       (default 12) to an edge of the paper, and no heading-sized line as the last line of a
//       page other than the last one (a heading must be kept with what follows it). Exit 1
//       if a check fails. With --running-mm N, the running header and footer (words within N mm
//       of the top or bottom edge) are not the text a page ends with.
//   node text.js pdf-pages BBOX.html --html PAGE.html [--draft] [--running-mm N] [--min-last-lines N]
//       Reads `pdftotext -bbox` output and checks every page: "Sivu n / N" in the bottom
//       margin (the N mm nearest the edge, default 24), the controller (`p.org`) and the
//       title (`h1`) of PAGE.html in the top margin, LUONNOS in a margin with --draft, and a
//       last page with at least N (default 4) lines of text. Exit 1 if a check fails.
'use strict';

const fs = require('fs');

function usage() {
  console.error('usage: text.js md-headings FILE.md | text.js expect TEXT.txt [--present-file LIST] [--absent TEXT]...');
  process.exit(2);
}

/** Markdown inline text as a reader sees it. */
function plain(md) {
  return md
    .replace(/\s*\{#[^}]*\}\s*$/, '') // heading attributes
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links
    .replace(/<([^>\s]+)>/g, '$1') // autolinks
    .replace(/(\*\*|__|\*|_|`)(?=\S)([\s\S]*?\S)\1/g, '$2') // emphasis, code
    .replace(/\\([!-/:-@[-`{-~])/g, '$1') // backslash escapes
    .replace(/\s+/g, ' ')
    .trim();
}

function mdHeadings(file) {
  const src = fs.readFileSync(file, 'utf8');
  const lines = src.split('\n');
  let i = 0;
  const out = [];
  if (lines[0] === '---' || lines[0] === '+++') {
    const fence = lines[0];
    for (i = 1; i < lines.length && lines[i] !== fence; i++) {
      const m = /^title\s*[:=]\s*(.*)$/.exec(lines[i]);
      if (m) out.push(['1', JSON.parse(m[1])]);
    }
    i++;
  }
  let fenced = false;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const m = /^(#{1,2}) (.*)$/.exec(line);
    if (m) out.push([String(m[1].length), plain(m[2])]);
  }
  for (const [level, text] of out) console.log(`${level}\t${text}`);
}

/** Text compared without whitespace, soft hyphens and hyphens. */
function squash(s) {
  return s.normalize('NFC').replace(/[\s\u00ad\-\u2010\u2011]+/gu, '');
}

function expect(file, args) {
  const text = squash(fs.readFileSync(file, 'utf8'));
  const present = [];
  const absent = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--present-file' && i + 1 < args.length) {
      present.push(...fs.readFileSync(args[++i], 'utf8').split('\n').filter((l) => l.trim() !== ''));
    } else if (args[i] === '--absent' && i + 1 < args.length) {
      absent.push(args[++i]);
    } else {
      usage();
    }
  }
  let bad = 0;
  for (const p of present) {
    if (!text.includes(squash(p))) {
      bad++;
      console.log(`missing: ${p}`);
    }
  }
  for (const a of absent) {
    if (text.includes(squash(a))) {
      bad++;
      console.log(`present but should not be: ${a}`);
    }
  }
  process.exit(bad > 0 ? 1 : 0);
}

function pdfLayout(file, args) {
  let marginMm = 12;
  let runningMm = 0;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--margin-mm' && i + 1 < args.length) marginMm = Number(args[++i]);
    else if (args[i] === '--running-mm' && i + 1 < args.length) runningMm = Number(args[++i]);
    else usage();
  }
  const running = (runningMm / 25.4) * 72;
  const margin = (marginMm / 25.4) * 72;
  const src = fs.readFileSync(file, 'utf8');
  const pages = [...src.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
  let bad = 0;
  const fail = (msg) => {
    bad++;
    console.log(msg);
  };
  if (pages.length === 0) fail('no pages with text');
  pages.forEach(([, w, h, body], n) => {
    const width = Number(w);
    const height = Number(h);
    let words = [...body.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
      ([, x0, y0, x1, y1, t]) => ({ x0: +x0, y0: +y0, x1: +x1, y1: +y1, t }),
    );
    if (words.length === 0) return fail(`page ${n + 1}: empty`);
    for (const wd of words) {
      if (wd.x0 < margin || wd.y0 < margin || wd.x1 > width - margin || wd.y1 > height - margin) {
        fail(`page ${n + 1}: "${wd.t}" lies within ${marginMm} mm of the paper's edge (${wd.x0.toFixed(0)},${wd.y0.toFixed(0)}–${wd.x1.toFixed(0)},${wd.y1.toFixed(0)} pt of ${width.toFixed(0)}×${height.toFixed(0)})`);
        break;
      }
    }
    if (n === pages.length - 1) return;
    // The running header and footer are not the page's text.
    words = words.filter((wd) => wd.y1 > running && wd.y0 < height - running);
    if (words.length === 0) return;
    const heights = words.map((wd) => wd.y1 - wd.y0).sort((a, b) => a - b);
    const median = heights[Math.floor(heights.length / 2)];
    const bottom = Math.max(...words.map((wd) => wd.y0));
    const last = words.filter((wd) => Math.abs(wd.y0 - bottom) < 2);
    if (last.every((wd) => wd.y1 - wd.y0 > median * 1.06)) {
      fail(`page ${n + 1}: ends with a heading, parted from its text: "${last.map((wd) => wd.t).join(' ')}"`);
    }
  });
  process.exit(bad > 0 ? 1 : 0);
}

/** The text of the first element matching `re` in HTML, without tags and entities. */
function htmlText(html, re) {
  const m = re.exec(html);
  if (!m) return '';
  return m[1]
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of each page of `pdftotext -bbox` output. */
function bboxPages(file) {
  const src = fs.readFileSync(file, 'utf8');
  return [...src.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map(([, w, h, body]) => ({
    width: Number(w),
    height: Number(h),
    words: [...body.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
      ([, x0, y0, x1, y1, t]) => ({ x0: +x0, y0: +y0, x1: +x1, y1: +y1, t: t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"') }),
    ),
  }));
}

/** Words in reading order, as one line of text. */
function lineText(words) {
  return [...words].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0).map((w) => w.t).join(' ');
}

/** The number of lines the words make (words whose tops lie within 2 pt share a line). */
function lineCount(words) {
  const tops = [...new Set(words.map((w) => Math.round(w.y0)))].sort((a, b) => a - b);
  let lines = 0;
  let last = -Infinity;
  for (const t of tops) {
    if (t - last > 2) lines++;
    last = t;
  }
  return lines;
}

// Every printed page carries its running header (the controller and the register, read from
// the page's HTML) in the top margin and "Sivu n / N" in the bottom margin; a draft's pages
// carry LUONNOS; the last page is not near-empty.
function pdfPages(file, args) {
  let html = null;
  let draft = false;
  let runningMm = 24;
  let minLastLines = 4;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--html' && i + 1 < args.length) html = fs.readFileSync(args[++i], 'utf8');
    else if (args[i] === '--draft') draft = true;
    else if (args[i] === '--running-mm' && i + 1 < args.length) runningMm = Number(args[++i]);
    else if (args[i] === '--min-last-lines' && i + 1 < args.length) minLastLines = Number(args[++i]);
    else usage();
  }
  if (html === null) usage();
  const header = [htmlText(html, /<p class="org">([\s\S]*?)<\/p>/), htmlText(html, /<h1[^>]*>([\s\S]*?)<\/h1>/)].filter(Boolean);
  const zone = (runningMm / 25.4) * 72;
  const pages = bboxPages(file);
  let bad = 0;
  const fail = (msg) => {
    bad++;
    console.log(msg);
  };
  if (pages.length === 0) fail('no pages with text');
  pages.forEach((p, n) => {
    const top = p.words.filter((w) => w.y1 <= zone);
    const bottom = p.words.filter((w) => w.y0 >= p.height - zone);
    const body = p.words.filter((w) => w.y1 > zone && w.y0 < p.height - zone);
    const topText = squash(lineText(top));
    const bottomText = squash(lineText(bottom));
    const number = squash(`Sivu ${n + 1} / ${pages.length}`);
    if (!bottomText.includes(number)) fail(`page ${n + 1}: no "Sivu ${n + 1} / ${pages.length}" at its foot (found "${lineText(bottom)}")`);
    for (const h of header) {
      if (!topText.includes(squash(h))) fail(`page ${n + 1}: the running header lacks "${h}" (found "${lineText(top)}")`);
    }
    if (draft && !(topText + bottomText).includes('LUONNOS')) fail(`page ${n + 1}: a draft's page without LUONNOS in its margins`);
    if (n === pages.length - 1 && pages.length > 1 && lineCount(body) < minLastLines) {
      fail(`page ${n + 1}: the last page is near-empty: ${lineCount(body)} line(s) ("${lineText(body)}")`);
    }
  });
  if (bad === 0) console.log(`${pages.length} pages, each with "Sivu n / ${pages.length}" and the header "${header.join(' – ')}"${draft ? ' and LUONNOS' : ''}; last page not near-empty`);
  process.exit(bad > 0 ? 1 : 0);
}

const [command, file, ...rest] = process.argv.slice(2);
if (!file) usage();
if (command === 'md-headings') mdHeadings(file);
else if (command === 'expect') expect(file, rest);
else if (command === 'pdf-layout') pdfLayout(file, rest);
else if (command === 'pdf-pages') pdfPages(file, rest);
else usage();
