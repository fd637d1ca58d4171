import { defineConfig } from '@playwright/test';

// Debian's Chromium drives the built renderer served by the web host over a real core and SQLite file.
// Every spec runs at 1366×768, the most common office laptop; the screens spec runs once more at 1920×1080.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'laptop-1366', use: { viewport: { width: 1366, height: 768 } } },
    { name: 'desktop-1920', testMatch: /screens\.spec\.ts$/, use: { viewport: { width: 1920, height: 1080 } } },
  ],
});
