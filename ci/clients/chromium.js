// Starting Debian's Chromium (never a downloaded one) the one way CI documents, for every
// script here that drives it: the same binary (CHROMIUM, default /usr/bin/chromium), the same
// flags, and the same refusal when it is missing.
'use strict';

const fs = require('fs');
const puppeteer = require('puppeteer-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Launches Chromium for the script `name` with puppeteer's `options` (defaultViewport,
// timeout); exits with 2 when there is no Chromium or it cannot be started.
async function launch(name, options = {}) {
  if (!fs.existsSync(CHROMIUM)) {
    console.error(`${name}: no Chromium at ${CHROMIUM} (install Debian's chromium)`);
    process.exit(2);
  }
  try {
    // headless: false because the flags already say --headless: Chromium runs with exactly
    // the command line CI documents.
    return await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: false,
      args: CHROMIUM_FLAGS,
      defaultViewport: null,
      ...options,
    });
  } catch (e) {
    console.error(`${name}: could not start Chromium at ${CHROMIUM}: ${e.message}`);
    process.exit(2);
  }
}

module.exports = { CHROMIUM, launch };
