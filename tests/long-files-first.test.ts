import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { LONGEST_FILES } from './long-files-first.ts';

it('lists only test files that exist, once each: a renamed file would silently lose its early start', () => {
  expect(LONGEST_FILES.filter((file) => !existsSync(file) || !file.endsWith('.test.ts'))).toEqual([]);
  expect(new Set(LONGEST_FILES).size).toBe(LONGEST_FILES.length);
});
