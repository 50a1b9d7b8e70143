import { defineConfig } from 'vitest/config';
import { LongFilesFirst } from './tests/long-files-first.ts';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A worker runs its test files one after another in one module graph: each file no longer
    // loads the sources, PGlite and a first database afresh (about half the CPU time of the
    // database tests), and helpers/db.ts lends a database one file closed to the next, emptied
    // back to the migrated state. So no test may leave global state behind.
    isolate: false,
    // Both cores: most test files wait on PGlite or child processes, not on each other.
    maxWorkers: 2,
    sequence: { sequencer: LongFilesFirst },
  },
});
