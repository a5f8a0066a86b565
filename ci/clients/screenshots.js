#!/usr/bin/env node
// Screenshots of rendered pages for a person to look at (not run by CI):
//
//   node screenshots.js OUTDIR PAGE.html...
//
// For every page, OUTDIR/<name>-desktop-<n>.png (1280 px wide) and OUTDIR/<name>-phone-<n>.png
// (390 px wide, at twice the pixel density as on a phone), one screenful each from the top
// to the bottom of the page, and OUTDIR/<name>-desktop-focus.png with the skip link focused.
'use strict';

const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const { launch } = require('./chromium');

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900, deviceScaleFactor: 1 },
  { name: 'phone', width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
];
const MAX_SCREENS = Number(process.env.MAX_SCREENS || 12);

(async () => {
  const [outDir, ...files] = process.argv.slice(2);
  if (!outDir || files.length === 0) {
    console.error('usage: screenshots.js OUTDIR PAGE.html...');
    process.exit(2);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await launch('screenshots.js');
  try {
    for (const file of files) {
      const name = path.basename(file, '.html');
      const page = await browser.newPage();
      for (const { name: vp, ...viewport } of VIEWPORTS) {
        await page.setViewport(viewport);
        await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const screens = Math.min(MAX_SCREENS, Math.ceil(height / viewport.height));
        for (let n = 0; n < screens; n++) {
          await page.evaluate((y) => window.scrollTo(0, y), n * viewport.height);
          const out = path.join(outDir, `${name}-${vp}-${n + 1}.png`);
          await page.screenshot({ path: out });
          console.log(out);
        }
        if (vp === 'desktop') {
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.keyboard.press('Tab');
          const out = path.join(outDir, `${name}-desktop-focus.png`);
          await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1280, height: 300 } });
          console.log(out);
        }
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
})().catch((e) => {
  console.error(e.stack || e);
  process.exit(1);
});
