// How every browser run here starts Chromium: the Debian build (no Playwright browser downloads), in a container
// without a user namespace (hence --no-sandbox) and with no GPU or background network traffic to skew results.
import type { LaunchOptions } from '@playwright/test';

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};
