import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALLOWED_IMPORTS, DOMAIN_MODULES, FRAMEWORK_PACKAGES, moduleOf } from './architecture-rules.ts';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every specifier a file imports or re-exports, type-only ones included (a type edge is still an edge). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const pattern of [
    /\b(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\s+['"]([^'"]+)['"]/g,
  ]) {
    for (const match of text.matchAll(pattern)) found.push(match[1]!);
  }
  return found;
}

interface Edge {
  from: string;
  to: string;
}

const files = sourceFiles(SRC).map((f) => relative(SRC, f));
const internal: Edge[] = [];
const external: Edge[] = [];
for (const file of files) {
  for (const spec of specifiers(join(SRC, file))) {
    if (spec.startsWith('.')) internal.push({ from: file, to: relative(SRC, resolve(dirname(join(SRC, file)), spec)) });
    else external.push({ from: file, to: spec });
  }
}

describe('architecture: the import map in the README holds', () => {
  it('every source file belongs to a module the map names', () => {
    const unknown = files.filter((f) => !(moduleOf(f) in ALLOWED_IMPORTS));
    expect(unknown).toEqual([]);
  });

  it('imports only what the map allows', () => {
    const forbidden = internal
      .filter((e) => moduleOf(e.from) !== moduleOf(e.to))
      .filter((e) => !ALLOWED_IMPORTS[moduleOf(e.from)]?.includes(moduleOf(e.to)))
      .map((e) => `${e.from} → ${e.to}`);
    expect(forbidden).toEqual([]);
  });

  it('the domain knows nothing of Telegram or HTTP', () => {
    const leaks = external
      .filter((e) => DOMAIN_MODULES.includes(moduleOf(e.from)))
      .filter((e) => FRAMEWORK_PACKAGES.some((p) => e.to === p || e.to.startsWith(`${p}/`)))
      .map((e) => `${e.from} → ${e.to}`);
    expect(leaks).toEqual([]);
  });

  it('the emulator plays Telegram without grammY: it takes only its types', () => {
    // The emulator is the fake the bot is tested against; grammY's code in it would test grammY against itself.
    const runtime = files
      .filter((f) => moduleOf(f) === 'emulator')
      .flatMap((f) =>
        [...readFileSync(join(SRC, f), 'utf8').matchAll(/\b(?:import|export)\s+(?!type\s)[^'"`;]*?\sfrom\s*['"](grammy[^'"]*|@grammyjs\/[^'"]*)['"]/g)].map(
          (m) => `${f} → ${m[1]}`,
        ),
      );
    expect(runtime).toEqual([]);
  });

  it('has no import cycle between files', () => {
    const graph = new Map<string, string[]>();
    for (const e of internal) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (node: string) => {
      state.set(node, 'open');
      stack.push(node);
      for (const next of graph.get(node) ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(node, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
