#!/usr/bin/env node
// Runs the TypeScript sources directly, so `npx sme-bridge` works right after `npm install`
// with no build step (see src/import-typescript.mjs).
import { setFlagsFromString } from 'node:v8';
import { importTypeScript } from '../src/import-typescript.mjs';

// PGlite is PostgreSQL compiled to WebAssembly. V8 re-compiles a wasm function with its optimising
// compiler once it has run a little (the tiering budget): PostgreSQL's start-up and the
// migrations' DDL made ~45 MB of optimised code that no question runs again (`npm run bench --
// memory`). A budget 100 times V8's default leaves that code to the baseline compiler and still
// optimises what runs all the time, such as the search queries. Set before any wasm is compiled.
setFlagsFromString('--wasm-tiering-budget=180000000');

const { main } = await importTypeScript(new URL('../src/main.ts', import.meta.url));
process.exitCode = await main(process.argv.slice(2));
