import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that took longest, longest first, from a whole run ranked with
 *   SME_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test npx vitest run --reporter=json --outputFile=/tmp/suite-times.json
 * (each file's endTime - startTime). Two workers take files from one queue: a long file picked
 * up last keeps one worker busy alone at the end. Vitest orders by the durations of the previous
 * run when it has them, but that cache lives in node_modules (gone after `npm ci`, as in .ci/run,
 * and shared by every checkout that links the same node_modules), and without it the biggest
 * files go first, which are not the slowest: these go first whatever the cache holds.
 */
export const LONGEST_FILES = [
  'tests/bot/crash.test.ts',
  'tests/bot/community-loop-model.test.ts',
  'tests/cli/import-export-status.test.ts',
  'tests/bot/curation.test.ts',
  'tests/bot/community-loop.test.ts',
  'tests/bot/my-contributions.test.ts',
  'tests/bot/delivery.test.ts',
  'tests/bot/streamed-answers.test.ts',
  'tests/bot/database-outage.test.ts',
  'tests/cli/startup.test.ts',
  'tests/bot/introductions.test.ts',
  'tests/bot/run.test.ts',
];

/** Vitest's own order (previous durations, else size), with LONGEST_FILES moved to the front. */
export class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FILES.indexOf(relative(file.project.config.root, file.moduleId).replaceAll('\\', '/'));
      return index === -1 ? LONGEST_FILES.length : index;
    };
    // Array.prototype.sort is stable: the files not listed keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
