import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure logic, fast, parallel) and `integration` (real OpenSSH on lab hosts
// that global-setup brings up; slower, and only two files at a time on these 2-core machines).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          // Generous: some unit tests compare with ansible-core in a Python process, and CI has 2 cores.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
