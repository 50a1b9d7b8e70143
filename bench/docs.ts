import { readFileSync, writeFileSync } from 'node:fs';

const BEGIN = '<!-- npm run bench: latest output, written by bench/docs.ts -->';
const END = '<!-- end of the latest output -->';

/**
 * Puts a bench part's latest output at the end of its document in docs/, replacing the run
 * before, so the narrative there always sits next to figures anyone can regenerate.
 */
export function writeLatestRun(docPath: string, command: string, lines: readonly string[]): void {
  const doc = readFileSync(docPath, 'utf8');
  const start = doc.indexOf(BEGIN);
  const kept = (start >= 0 ? doc.slice(0, start) : doc).trimEnd();
  const stamp = `## Latest run\n\n\`${command}\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC:\n`;
  writeFileSync(docPath, `${kept}\n\n${BEGIN}\n${stamp}\n${lines.join('\n').trim()}\n${END}\n`);
}
