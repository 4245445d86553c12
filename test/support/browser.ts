import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's chromium, which `.ci/run` installs; the console tests need a real browser. */
export const CHROMIUM = process.env.AICLOUD_CHROMIUM || '/usr/bin/chromium';

/** Where browser tests write screenshots (gitignored). */
export const TEST_RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));

/** Why the browser tests cannot run here, or undefined when they can. */
export function browserMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `no chromium at ${CHROMIUM} (apt-get install -y chromium, as .ci/run does)`;
}

/**
 * Headless chromium with a fresh profile and everything that would reach the network switched off:
 * the machine's network is closed and the console must work offline anyway. Playwright gives each
 * launch a fresh, temporary user-data dir of its own.
 */
export async function launchBrowser(): Promise<{ browser: Browser; context: () => Promise<BrowserContext>; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
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
  mkdirSync(TEST_RESULTS, { recursive: true });
  return {
    browser,
    context: () => browser.newContext({ viewport: { width: 1280, height: 900 } }),
    close: () => browser.close(),
  };
}
