// The PGlite thread's entry: threads do not inherit how the CLI loaded its TypeScript, so it
// loads its own (see ../import-typescript.mjs).
import { importTypeScript } from '../import-typescript.mjs';

await importTypeScript(new URL('./pglite-thread.ts', import.meta.url));
