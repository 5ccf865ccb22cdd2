import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Child-process tests (TZ, CLI) start tsx; give them room on a 2-core machine.
    testTimeout: 30_000,
  },
});
