/**
 * Where two CPU profiles of the bot differ (`bench/bot.ts --profile DIR` writes them): self time
 * per source file and per function, in ms per question, side by side, largest change first.
 * Compares code by the work it does rather than by throughput, which a shared machine blurs.
 * A sample counts as the profile's median interval between samples, not as the time until the
 * next one: V8 samples on the wall clock, so on a busy machine the time a thread spent waiting
 * for a core would land on whatever it ran next (a process woken by `writev` gives its core to
 * PostgreSQL). Idle samples are left out of the total.
 *
 *   npx tsx bench/cpu-profile.ts BEFORE AFTER [--questions N] [--top 30] [--by file|function|area] [--allocations]
 * BEFORE and AFTER are .cpuprofile files or folders holding one or more (summed: give each run a
 * folder of its own; with `--floor` the floors' profiles land in it too). `--questions`:
 * the questions each profile covers (the bot bench's: those answered after its warm-up, the
 * table's "answered"); without it the figures are per profile.
 * `--allocations`: the memory allocated instead (the .heapprofile files beside them), in KB.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

interface HeapNode {
  callFrame: ProfileNode['callFrame'];
  selfSize: number;
  children: HeapNode[];
}

const profilesIn = (path: string, extension: string) =>
  statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((f) => f.endsWith(extension))
        .map((f) => join(path, f))
    : [path];

/** KB allocated by key, and in all (`totalMs`, so named to share selfTimes' shape), summed over the .heapprofile files in `path`. */
export function allocations(path: string, key: (frame: ProfileNode['callFrame']) => string): { byKey: Map<string, number>; totalMs: number } {
  const byKey = new Map<string, number>();
  let totalMs = 0;
  // A built-in (split, replace, new Map) allocates for the function that called it: counted there.
  const visit = (node: HeapNode, caller: ProfileNode['callFrame'] | undefined) => {
    const frame = node.callFrame.url || !caller ? node.callFrame : caller;
    const k = key(frame);
    byKey.set(k, (byKey.get(k) ?? 0) + node.selfSize / 1024);
    totalMs += node.selfSize / 1024;
    for (const child of node.children) visit(child, frame.url ? frame : undefined);
  };
  for (const file of profilesIn(path, '.heapprofile')) visit((JSON.parse(readFileSync(file, 'utf8')) as { head: HeapNode }).head, undefined);
  return { byKey, totalMs };
}

/** Self time (ms) by key, and the whole profile's time, summed over the profiles in `path`. */
export function selfTimes(path: string, key: (frame: ProfileNode['callFrame']) => string): { byKey: Map<string, number>; totalMs: number } {
  const files = profilesIn(path, '.cpuprofile');
  const byKey = new Map<string, number>();
  let totalMs = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const deltas = [...profile.timeDeltas].sort((a, b) => a - b);
    const ms = (deltas[deltas.length >> 1] ?? 0) / 1000;
    for (const sample of profile.samples) {
      const frame = nodes.get(sample)!.callFrame;
      if (frame.functionName === '(idle)') continue;
      const k = key(frame);
      byKey.set(k, (byKey.get(k) ?? 0) + ms);
      totalMs += ms;
    }
  }
  return { byKey, totalMs };
}

const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\/.*?\/node_modules\//, 'node_modules/')
    .replace(/^file:\/\/.*?\/(src|bench|tests)\//, '$1/')
    .replace(/^node:/, 'node:') || '(native or VM)';

export const byFile = (f: ProfileNode['callFrame']) => (f.url ? shortUrl(f.url) : `(${f.functionName || 'anonymous'})`);
/** Ours, the libraries', Node's own, or the engine's (garbage collector, system calls). */
export const byArea = (f: ProfileNode['callFrame']) => {
  const file = byFile(f);
  return /^(src|bench)\//.test(file)
    ? file.split('/').slice(0, 2).join('/')
    : file.startsWith('node_modules/')
      ? file
          .split('/')
          .slice(0, file.startsWith('node_modules/@') ? 3 : 2)
          .join('/')
      : file.startsWith('node:')
        ? 'node:*'
        : file;
};

export const byFunction = (f: ProfileNode['callFrame']) => `${f.functionName || '(anonymous)'} ${f.url ? `${shortUrl(f.url)}:${f.lineNumber + 1}` : ''}`.trim();

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      allocations: { type: 'boolean', default: false },
      questions: { type: 'string' },
      top: { type: 'string', default: '30' },
      by: { type: 'string', default: 'file' },
    },
  });
  const [beforePath, afterPath] = positionals;
  if (!beforePath || !afterPath) throw new Error('usage: npx tsx bench/cpu-profile.ts BEFORE AFTER [--questions N] [--top 30] [--by file|function|area]');
  const per = values.questions ? Number(values.questions) : 1;
  const key = values.by === 'function' ? byFunction : values.by === 'area' ? byArea : byFile;
  const measure = values.allocations ? allocations : selfTimes;
  const before = measure(beforePath, key);
  const after = measure(afterPath, key);
  const keys = [...new Set([...before.byKey.keys(), ...after.byKey.keys()])];
  const rows = keys
    .map((k) => ({ k, b: (before.byKey.get(k) ?? 0) / per, a: (after.byKey.get(k) ?? 0) / per }))
    .sort((x, y) => Math.abs(y.a - y.b) - Math.abs(x.a - x.b))
    .slice(0, Number(values.top));
  const unit = `${values.allocations ? 'KB allocated' : 'ms'}${values.questions ? '/question' : ''}`;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`| ${values.by ?? 'file'} | before (${unit}) | after | change |`);
  out('| --- | ---: | ---: | ---: |');
  out(
    `| **${values.allocations ? 'all' : 'all but idle'}** | ${(before.totalMs / per).toFixed(3)} | ${(after.totalMs / per).toFixed(3)} | ${((after.totalMs - before.totalMs) / per).toFixed(3)} |`,
  );
  for (const r of rows) out(`| \`${r.k}\` | ${r.b.toFixed(3)} | ${r.a.toFixed(3)} | ${(r.a - r.b >= 0 ? '+' : '') + (r.a - r.b).toFixed(3)} |`);
}
