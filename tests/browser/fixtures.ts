// `test` for the sandbox specs: one Chromium profile per worker, a fresh page and fresh storage per test.
//
// Why: Playwright's default context is off the record, and Chromium keeps no V8 code cache for those, so every test
// compiled the sandbox host (8 MB of Grafana's UI packages) again: about 1.5 s of each page load on the CI machine.
// A profile on disk keeps the compiled code between tests; from the third load on a page is ready in about a third of
// the time. What a test could leave behind is wiped before the next one starts: cookies, localStorage (the sandbox's
// theme and role), sessionStorage (plugin settings; per tab anyway) and IndexedDB. Pages are closed.
import { test as base, type BrowserContext } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumLaunchOptions } from '../chromium';

export { expect } from '@playwright/test';
export type { Page } from '@playwright/test';

/** Where the sandbox server listens: its port is chosen once per run by playwright.sandbox.config.ts. */
export const SANDBOX_ORIGIN = `http://127.0.0.1:${process.env.SANDBOX_PORT}`;

const STORAGE_TYPES = 'cookies,local_storage,indexeddb,websql,service_workers,cache_storage';

export const test = base.extend<{}, { profileContext: BrowserContext }>({
  profileContext: [
    async ({ playwright }, use) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'tasker-sandbox-profile-'));
      const context = await playwright.chromium.launchPersistentContext(dir, {
        ...chromiumLaunchOptions,
        headless: true,
        baseURL: SANDBOX_ORIGIN,
      });
      // The blank tab Chromium opens with a profile: each test opens its own.
      await Promise.all(context.pages().map((p) => p.close()));
      try {
        await use(context);
      } finally {
        await context.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],

  context: async ({ profileContext }, use) => {
    await wipe(profileContext);
    await use(profileContext);
    await Promise.all(profileContext.pages().map((p) => p.close()));
  },

  // Playwright's screenshot on failure still applies: it covers every page of the context.
  page: async ({ context, viewport }, use) => {
    const page = await context.newPage();
    if (viewport) {
      await page.setViewportSize(viewport);
    }
    await use(page);
  },
});

/** Clears what pages of the sandbox's origin stored (not the HTTP or code cache, which are the point). */
async function wipe(context: BrowserContext): Promise<void> {
  await context.clearCookies();
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: SANDBOX_ORIGIN, storageTypes: STORAGE_TYPES });
  } finally {
    await page.close();
  }
}
