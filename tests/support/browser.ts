import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

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

/**
 * A test file's pages, opened in one browser context for each set of options rather than a
 * context each: a new context is most of what a page costs Chromium (ten searches took twice the
 * CPU in ten contexts as in one; BENCHMARKS.md, “The test suite”). The archive keeps nothing in a
 * browser (no cookies, no storage), so a page shares only the HTTP cache with those before it; a
 * test that counts requests or bytes opens a context of its own with `browser.newContext()`.
 */
export function sharedPages(browser: Browser) {
  const contexts = new Map<string, Promise<BrowserContext>>();
  const shared = new WeakSet<BrowserContext>();
  return {
    async open(options: BrowserContextOptions = {}): Promise<Page> {
      const key = JSON.stringify(options);
      let context = contexts.get(key);
      if (!context) {
        context = browser.newContext(options).then((opened) => {
          shared.add(opened);
          return opened;
        });
        contexts.set(key, context);
      }
      return (await context).newPage();
    },
    /** Closes a page, and its context if it had one of its own. */
    async close(page: Page | undefined): Promise<void> {
      if (!page) return;
      if (shared.has(page.context())) await page.close();
      else await page.context().close();
    },
  };
}

/**
 * Collects what should never happen on a page of the archive: console errors, uncaught
 * exceptions, Content-Security-Policy violations and requests to any other origin.
 */
export function watchForProblems(page: Page, origin: string): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    // The document's own status (a 404 page's 404) is the test's to judge, not a problem of the page.
    const aboutDocument =
      message.location().url === page.url() && message.text().startsWith('Failed to load resource');
    if (message.type() === 'error' && !aboutDocument) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:')
      problems.push(`request to another origin: ${url.href}`);
  });
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return problems;
}
