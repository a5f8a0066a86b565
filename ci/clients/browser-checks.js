#!/usr/bin/env node
// Checks rendered pages in headless Chromium (Debian's, never a downloaded one).
//
//   node browser-checks.js pages [--pdf-dir DIR] [--shots-dir DIR] PAGE.html...
//       For every page: axe-core with the WCAG 2.1 A and AA tags at a desktop (1280 px) and a
//       phone (390 px) width, 0 violations; no horizontal scrolling of the page at 320 px
//       (WCAG 1.4.10 Reflow); black text on no background in print; with --pdf-dir, print to PDF as a reader's "Save as PDF" does
//       (the page's own @page size, no background graphics) into DIR/<name>.pdf; with
//       --shots-dir, full-page screenshots DIR/<name>-desktop.png and DIR/<name>-phone.png.
//   node browser-checks.js headings PAGE.html...
//       Prints "<file>\t<level>\t<text>" for every h1 and h2 of each page, as a reader's
//       browser sees the text (entities decoded, whitespace collapsed).
//
// Exit status: 0 when every check passed, 1 when one failed (each failure is printed), 2 on
// a usage error or when Chromium cannot be started.
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const axeSource = require('axe-core').source;
const { launch } = require('./chromium');

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800, deviceScaleFactor: 1 },
  { name: 'phone', width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
];
const REFLOW_WIDTH = 320;

function usage() {
  console.error(
    'usage: browser-checks.js pages [--pdf-dir DIR] [--shots-dir DIR] PAGE.html...\n' +
      '       browser-checks.js headings PAGE.html...',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const [command, ...rest] = argv;
  const opts = { command, pdfDir: null, shotsDir: null, files: [] };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--pdf-dir' || a === '--shots-dir') {
      if (i + 1 >= rest.length) usage();
      opts[a === '--pdf-dir' ? 'pdfDir' : 'shotsDir'] = rest[++i];
    } else if (a.startsWith('--')) {
      usage();
    } else {
      opts.files.push(a);
    }
  }
  if (!['pages', 'headings'].includes(command) || opts.files.length === 0) usage();
  for (const f of opts.files) {
    if (!fs.existsSync(f)) {
      console.error(`browser-checks: no such page: ${f}`);
      process.exit(2);
    }
  }
  return opts;
}

// A page by its folder and name ("site/index.html", "draft-mesq/index.html").
function label(file) {
  const abs = path.resolve(file);
  return path.join(path.basename(path.dirname(abs)), path.basename(abs));
}

async function open(browser, file) {
  const page = await browser.newPage();
  // The pages are self-contained: anything they would fetch from the network is a fault.
  const external = [];
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('about:')) {
      req.continue();
    } else {
      external.push(url);
      req.abort();
    }
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
  return { page, external, errors };
}

function describeViolation(v) {
  const nodes = v.nodes
    .slice(0, 5)
    .map((n) => `      at ${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\s+/g, ' ').trim()}`)
    .join('\n');
  const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
  return `    ${v.id} (${v.impact}): ${v.help} [${v.helpUrl}]\n${nodes}${more}`;
}

async function runAxe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(axeSource);
  }
  return page.evaluate(
    (tags) =>
      window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations', 'incomplete'],
      }),
    WCAG_TAGS,
  );
}

async function reflowOverflow(page) {
  await page.setViewport({ width: REFLOW_WIDTH, height: 640, deviceScaleFactor: 1, isMobile: true });
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const wide = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 && wide.length < 5) {
        wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + el.className : ''} (right edge ${Math.round(r.right)} px)`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, wide };
  });
}

// In print, text is black and nothing has a background other than white, so that a printer
// (even with "background graphics" on) gives black on white.
async function printColours(page) {
  await page.emulateMediaType('print');
  const wrong = await page.evaluate(() => {
    const out = [];
    const ok = (c) => c === 'rgba(0, 0, 0, 0)' || c === 'rgb(255, 255, 255)' || c === 'transparent';
    const name = (el) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).replace(/ /g, '.') : ''}`;
    for (const el of document.querySelectorAll('body, body *')) {
      if (el.getClientRects().length === 0) continue;
      const cs = getComputedStyle(el);
      const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
      if (hasText && cs.color !== 'rgb(0, 0, 0)') out.push(`${name(el)} has colour ${cs.color}`);
      if (!ok(cs.backgroundColor)) out.push(`${name(el)} has background ${cs.backgroundColor}`);
      if (out.length >= 5) break;
    }
    return out;
  });
  await page.emulateMediaType(null);
  return wrong;
}

async function checkPages(browser, opts) {
  let failures = 0;
  const fail = (file, msg) => {
    failures++;
    console.log(`FAIL ${label(file)}: ${msg}`);
  };
  for (const dir of [opts.pdfDir, opts.shotsDir]) if (dir) fs.mkdirSync(dir, { recursive: true });
  for (const file of opts.files) {
    const name = path.basename(file, '.html');
    const { page, external, errors } = await open(browser, file);
    let pageFailed = false;
    for (const vp of VIEWPORTS) {
      const { name: vpName, ...viewport } = vp;
      await page.setViewport(viewport);
      const res = await runAxe(page);
      if (res.violations.length > 0) {
        pageFailed = true;
        fail(
          file,
          `axe-core found ${res.violations.length} WCAG 2.1 A/AA violation(s) at ${vp.width} px:\n` +
            res.violations.map(describeViolation).join('\n'),
        );
      }
      for (const inc of res.incomplete) {
        console.log(`note ${label(file)}: axe-core could not decide ${inc.id} at ${vp.width} px on ${inc.nodes.length} element(s) (${inc.help})`);
      }
      if (opts.shotsDir) {
        await page.screenshot({ path: path.join(opts.shotsDir, `${name}-${vpName}.png`), fullPage: true });
      }
    }
    const overflow = await reflowOverflow(page);
    if (overflow) {
      pageFailed = true;
      fail(
        file,
        `the page scrolls sideways at ${REFLOW_WIDTH} px (content ${overflow.scrollWidth} px wide; WCAG 1.4.10 Reflow): ${overflow.wide.join(', ')}`,
      );
    }
    const colours = await printColours(page);
    if (colours.length > 0) {
      pageFailed = true;
      fail(file, `in print, not black on white: ${colours.join('; ')}`);
    }
    if (opts.pdfDir) {
      await page.setViewport({ width: 1280, height: 800, deviceScaleFactor: 1 });
      await page.pdf({
        path: path.join(opts.pdfDir, `${name}.pdf`),
        preferCSSPageSize: true,
        printBackground: false,
        displayHeaderFooter: false,
      });
    }
    if (external.length > 0) {
      pageFailed = true;
      fail(file, `the page tried to load from the network: ${external.join(', ')}`);
    }
    if (errors.length > 0) {
      pageFailed = true;
      fail(file, `script errors: ${errors.join('; ')}`);
    }
    if (!pageFailed) {
      console.log(`ok   ${label(file)}: axe-core 0 violations at 1280 and 390 px, no sideways scrolling at 320 px, black on white in print${opts.pdfDir ? ', printed' : ''}`);
    }
    await page.close();
  }
  return failures;
}

async function headings(browser, opts) {
  for (const file of opts.files) {
    const { page } = await open(browser, file);
    const hs = await page.evaluate(() =>
      [...document.querySelectorAll('h1, h2')].map((h) => [h.tagName.slice(1), h.textContent.replace(/\s+/g, ' ').trim()]),
    );
    for (const [level, text] of hs) console.log(`${file}\t${level}\t${text}`);
    await page.close();
  }
  return 0;
}

(async () => {
  const opts = parseArgs(process.argv.slice(2));
  const browser = await launch('browser-checks', { timeout: 60000 });
  let failures;
  try {
    failures = opts.command === 'pages' ? await checkPages(browser, opts) : await headings(browser, opts);
  } finally {
    await browser.close();
  }
  process.exit(failures > 0 ? 1 : 0);
})().catch((e) => {
  console.error(`browser-checks: ${e.stack || e}`);
  process.exit(2);
});
