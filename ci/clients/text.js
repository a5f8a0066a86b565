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
//       if a check fails.
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
  if (args[0] === '--margin-mm' && args.length === 2) marginMm = Number(args[1]);
  else if (args.length > 0) usage();
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
    const words = [...body.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
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

const [command, file, ...rest] = process.argv.slice(2);
if (!file) usage();
if (command === 'md-headings') mdHeadings(file);
else if (command === 'expect') expect(file, rest);
else if (command === 'pdf-layout') pdfLayout(file, rest);
else usage();
