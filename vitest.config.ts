import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['node_modules/**', '.react-email/**', 'data/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // One real Postgres and Redis for the run (skipped with a message when not installed).
    globalSetup: ['tests/setup/services.ts'],
  },
});
