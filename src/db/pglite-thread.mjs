// The PGlite thread's entry: threads do not inherit the loader hooks the CLI registered, so
// it registers tsx itself before loading the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./pglite-thread.ts');
