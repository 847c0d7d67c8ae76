import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

// Every Node process the tests start (Vitest's workers, each `astro build`, the import command)
// inherits this and reuses the code V8 compiled in an earlier run instead of compiling it again:
// about a fifth of the import command's start (BENCHMARKS.md).
process.env.NODE_COMPILE_CACHE ??= `${root}node_modules/.cache/node-compile-cache`;

export default defineConfig({
  test: {
    root,
    // One file a core, not Vitest's default of one fewer: an end-to-end file spends most of its
    // time waiting on a build or a browser in another process, which leaves its core to another
    // file (BENCHMARKS.md: four files in 158 s instead of 246 s on the 2-core machine).
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // The unit files share a worker's modules rather than each loading its own: loading them
          // was most of their time (BENCHMARKS.md: 41 files in 44 s of CPU isolated, 13 s not). No
          // unit test mocks a module or leaves global state behind (dates.test.ts restores TZ).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
