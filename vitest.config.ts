import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // The renderer is built once before the tests that print through it (see the file).
    globalSetup: ['test/support/build-renderer.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
