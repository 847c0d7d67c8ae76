import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless. The flags keep it from reaching for Google's services,
 * which this network refuses; `--no-sandbox` because CI runs as root.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
