// Runs the TypeScript sources with no build step and no loader thread. tsx's loader runs in a
// thread of its own and holds every module's source there: ~90 MB of `start`'s memory in each
// thread that registers it (measured on the demo base). Instead, an entry point is bundled once
// per change of the sources (esbuild) into node_modules/.cache/sme-bridge, and
// imported from there. tsx stays the fallback when the bundle cannot be made.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SOURCES = fileURLToPath(new URL('./', import.meta.url));
// Beside the packages the bundle imports, so they resolve from it as from the sources.
const CACHE = fileURLToPath(new URL('../node_modules/.cache/sme-bridge/', import.meta.url));

/** Imports the TypeScript module at `entry` (a file URL) with everything it imports from src/. */
export async function importTypeScript(entry) {
  let bundle;
  try {
    bundle = await bundled(fileURLToPath(entry));
  } catch {
    // No esbuild, or a cache that cannot be written: tsx compiles as the modules load.
  }
  if (bundle) return import(pathToFileURL(bundle).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(entry.href);
}

/** The bundle of `entry` for the sources as they are now, made if there is none yet. */
async function bundled(entry) {
  const esbuild = createRequire(import.meta.url)('esbuild');
  const name = basename(entry, '.ts');
  const file = join(CACHE, `${name}-${sourcesHash(esbuild.version)}.mjs`);
  if (existsSync(file)) return file;
  // Made aside and moved in whole, for a second process starting at the same moment.
  const aside = join(CACHE, `.${process.pid}-${Date.now()}`);
  mkdirSync(aside, { recursive: true });
  try {
    await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: join(aside, basename(file)),
      // Linked, not enabled: a stack frame names the bundle's line, under a `// src/…` comment
      // naming the file; NODE_OPTIONS=--enable-source-maps maps it back to the TypeScript line,
      // at the cost of holding the map (~15 MB).
      sourcemap: 'linked',
      logLevel: 'silent',
      plugins: [sourceLocations],
    });
    await esbuild.stop();
    renameSync(join(aside, `${basename(file)}.map`), `${file}.map`);
    renameSync(join(aside, basename(file)), file);
  } finally {
    rmSync(aside, { recursive: true, force: true });
  }
  // Bundles of older sources, once no start can still be loading them.
  for (const old of readdirSync(CACHE)) {
    const path = join(CACHE, old);
    if (!path.startsWith(file) && Date.now() - statSync(path).mtimeMs > 86_400_000) rmSync(path, { recursive: true, force: true });
  }
  return file;
}

/** Where src/ is and its files (names and contents), and esbuild's version: what a bundle is made of. */
function sourcesHash(esbuildVersion) {
  const hash = createHash('sha256').update(esbuildVersion).update('\0').update(SOURCES).update('\0');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mjs)$/.test(entry.name)) hash.update(relative(SOURCES, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  walk(SOURCES);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Each module keeps its own `import.meta.url`, so the paths it finds from there (migrations,
 * locales, assets, prompts, a thread's entry) are the same in the bundle as in the sources.
 */
const sourceLocations = {
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};
