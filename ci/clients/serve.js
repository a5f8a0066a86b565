#!/usr/bin/env node
// `seloste serve` in headless Chromium (Debian's, never a downloaded one), as a person uses it:
//
//   node serve.js SELOSTE PROJECT [--shots-dir DIR]
//
// Copies PROJECT (its seloste.yaml and notices/) into a temporary directory, starts
// `SELOSTE serve --port 0` on the copy and reads the URL it prints, opens a register's page, and
// then edits the copy's files while the page stays open:
//   1. the register's title changes: the page reloads by itself and shows the new title;
//   2. a purpose loses its legal basis: the page reloads, the panel lists missing-legal-basis
//      with the file, line and column, and the draft marks the finding in place (KORJATTAVAA);
//      The panel passes axe-core's WCAG 2.1 A/AA rules;
//   3. seloste.yaml stops being YAML: the page keeps the last pages with the input error in
//      the panel; fixed, the page recovers.
// Every wait is bounded. The panel must leave the page readable: scrolled to the bottom, the
// page's footer lies above the panel. With --shots-dir, screenshots of each state
// (serve-1-clean.png, serve-2-error.png, serve-3-broken.png, serve-4-bottom.png).
//
// Exit status: 0 when every check passed, 1 when one failed, 2 on a usage error or when
// Chromium or seloste cannot be started.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const axeSource = require('axe-core').source;
const { launch } = require('./chromium');

// A debug build on two busy cores: generous, but bounded.
const PATIENCE_MS = 60000;
const REGISTER = 'asiakasrekisteri';

function usage() {
  console.error('usage: serve.js SELOSTE PROJECT [--shots-dir DIR]');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { shotsDir: null, positional: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--shots-dir') {
      if (i + 1 >= argv.length) usage();
      opts.shotsDir = argv[++i];
    } else if (argv[i].startsWith('--')) {
      usage();
    } else {
      opts.positional.push(argv[i]);
    }
  }
  if (opts.positional.length !== 2) usage();
  [opts.seloste, opts.project] = opts.positional;
  return opts;
}

function copyProject(from) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seloste-serve-'));
  fs.copyFileSync(path.join(from, 'seloste.yaml'), path.join(dir, 'seloste.yaml'));
  fs.cpSync(path.join(from, 'notices'), path.join(dir, 'notices'), { recursive: true });
  return dir;
}

// Starts `seloste serve` and resolves with the URL it prints.
function startServer(seloste, project, log) {
  const child = spawn(seloste, ['serve', '--port', '0', '--color', 'never', project], {
    env: { ...process.env, SELOSTE_TODAY: process.env.SELOSTE_TODAY || '2026-11-23' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed within ${PATIENCE_MS} ms:\n${log.join('\n')}`)), PATIENCE_MS);
    let buffered = '';
    const onData = (chunk) => {
      buffered += chunk;
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        log.push(line);
        const m = /^Serving .* at (http:\/\/127\.0\.0\.1:\d+\/) {2}\(Ctrl-C to stop\)$/.exec(line);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.on('exit', (code) => reject(new Error(`seloste serve exited (${code}):\n${log.join('\n')}`)));
  });
  return { child, url };
}

// Waits until `predicate` holds in the page, across the reloads the page does by itself.
async function waitInPage(page, what, predicate, arg) {
  const deadline = Date.now() + PATIENCE_MS;
  let last = null;
  while (Date.now() < deadline) {
    try {
      if (await page.evaluate(predicate, arg)) return;
    } catch (e) {
      last = e; // the page was reloading
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the page never showed ${what} within ${PATIENCE_MS} ms${last ? ` (${last.message})` : ''}`);
}

function edit(file, from, to) {
  const text = fs.readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} lacks ${JSON.stringify(from)}`);
  fs.writeFileSync(file, text.replace(from, to));
}

(async () => {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.shotsDir) fs.mkdirSync(opts.shotsDir, { recursive: true });
  const shot = async (page, name) => {
    if (opts.shotsDir) await page.screenshot({ path: path.join(opts.shotsDir, name) });
  };
  const project = copyProject(opts.project);
  const log = [];
  const server = startServer(opts.seloste, project, log);
  let browser = null;
  let failed = 0;
  const check = (ok, msg) => {
    if (ok) {
      console.log(`ok   serve: ${msg}`);
    } else {
      failed++;
      console.log(`FAIL serve: ${msg}`);
    }
  };
  try {
    const url = await server.url;
    browser = await launch('serve.js', {
      defaultViewport: { width: 1280, height: 800, deviceScaleFactor: 1 },
      timeout: PATIENCE_MS,
    });
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${url}${REGISTER}.html`, { waitUntil: 'load' });
    const panel = () => {
      const p = document.getElementById('seloste-serve');
      const d = document.getElementById('seloste-serve-details');
      return p && {
        text: p.textContent.replace(/\s+/g, ' ').trim(),
        open: d.open,
        tone: p.className,
        h1: (document.querySelector('h1') || {}).textContent || '',
      };
    };
    let state = await page.evaluate(panel);
    check(state && /no problems/.test(state.text) && !state.open, `the page carries the panel, closed, saying "no problems" (${state && state.text.slice(0, 80)})`);
    await shot(page, 'serve-1-clean.png');

    // 1. An edit of the register: the page reloads by itself.
    await page.evaluate(() => {
      window.__selosteNotReloaded = true;
    });
    const register = path.join(project, 'notices', `${REGISTER}.yaml`);
    const title = fs.readFileSync(register, 'utf8').match(/^title: (.*)$/m)[1];
    edit(register, `title: ${title}`, `title: ${title} (muokattu)`);
    await waitInPage(page, 'the new title', (t) => !window.__selosteNotReloaded && document.querySelector('h1').textContent.includes(t), '(muokattu)');
    check(true, `the page reloaded by itself with the new title "${await page.evaluate(() => document.querySelector('h1').textContent.trim())}"`);

    // 2. A finding at error level: listed in the panel with its place, and marked in the draft.
    edit(register, '    legal_basis: contract\n', '');
    await waitInPage(page, 'missing-legal-basis in the panel', () => {
      const p = document.getElementById('seloste-serve');
      return p && p.textContent.includes('missing-legal-basis');
    });
    state = await page.evaluate(panel);
    check(state.open && /1 error/.test(state.text) && new RegExp(`notices/${REGISTER}\\.yaml:\\d+:\\d+`).test(state.text) && /seloste-serve-error/.test(state.tone),
      `the panel opens by itself and lists the error with its place: "${(state.text.match(/notices\/\S+ error missing-legal-basis[^.]*/) || [''])[0]}"`);
    const marked = await page.evaluate(() => document.querySelector('main').textContent.includes('KORJATTAVAA'));
    check(marked, 'the draft marks the finding in place (KORJATTAVAA)');
    await shot(page, 'serve-2-error.png');
    // The panel itself is readable: axe-core's WCAG 2.1 A/AA rules, on the panel alone.
    await page.evaluate(axeSource);
    const axe = await page.evaluate(() =>
      window.axe.run({ include: [['#seloste-serve']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
    );
    check(axe.violations.length === 0, `axe-core finds no WCAG 2.1 A/AA violation in the panel${axe.violations.map((v) => `; ${v.id}: ${v.help}`).join('')}`);

    // The panel hides nothing: at the bottom of the page, the footer lies above it.
    const layout = await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      const footer = document.querySelector('footer') || document.querySelector('main');
      const panelTop = document.getElementById('seloste-serve').getBoundingClientRect().top;
      const panelHeight = document.getElementById('seloste-serve').getBoundingClientRect().height;
      return { footerBottom: footer.getBoundingClientRect().bottom, panelTop, panelHeight, viewport: window.innerHeight };
    });
    await shot(page, 'serve-4-bottom.png');
    check(layout.footerBottom <= layout.panelTop + 1 && layout.panelHeight <= layout.viewport * 0.5,
      `scrolled to the bottom, the page's footer (bottom ${Math.round(layout.footerBottom)} px) is above the panel (top ${Math.round(layout.panelTop)} px, ${Math.round(layout.panelHeight)} px of ${layout.viewport})`);

    // 3. seloste.yaml broken: the last pages stay, with the input error; fixed, they recover.
    const config = path.join(project, 'seloste.yaml');
    const good = fs.readFileSync(config, 'utf8');
    const name = good.match(/^ {2}name: (.*)$/m)[1];
    edit(config, `  name: ${name}`, `  name: "${name}`);
    await waitInPage(page, 'the input error', () => {
      const p = document.getElementById('seloste-serve');
      return p && p.textContent.includes('yaml-syntax');
    });
    state = await page.evaluate(panel);
    check(state.h1.includes('(muokattu)') && /last build that worked/.test(state.text) && /seloste\.yaml:\d+:\d+/.test(state.text),
      'a seloste.yaml that is not YAML keeps the last pages on show, with yaml-syntax and its place in the panel');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'serve-3-broken.png');
    fs.writeFileSync(config, good);
    await waitInPage(page, 'the project again', () => {
      const p = document.getElementById('seloste-serve');
      return p && !p.textContent.includes('yaml-syntax') && p.textContent.includes('missing-legal-basis');
    });
    check(true, 'fixed, the page recovers by itself');
    check(errors.length === 0, `no script errors${errors.length ? `: ${errors.join('; ')}` : ''}`);
    check(!fs.existsSync(path.join(project, 'dist')), 'nothing was written into the project (no dist/)');
  } catch (e) {
    failed++;
    console.log(`FAIL serve: ${e.message}`);
    console.log(log.map((l) => `       ${l}`).join('\n'));
  } finally {
    if (browser) await browser.close();
    server.child.kill();
    fs.rmSync(project, { recursive: true, force: true });
  }
  console.log(`serve: ${failed === 0 ? 'every check passed' : `${failed} check(s) failed`}`);
  process.exit(failed === 0 ? 0 : 1);
})().catch((e) => {
  console.error(`serve.js: ${e.stack || e}`);
  process.exit(2);
});
