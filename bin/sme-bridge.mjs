#!/usr/bin/env node
// Runs the TypeScript sources directly, so `npx sme-bridge` works right after `npm install`
// with no build step (see src/import-typescript.mjs).
import { importTypeScript } from '../src/import-typescript.mjs';

const { main } = await importTypeScript(new URL('../src/main.ts', import.meta.url));
process.exitCode = await main(process.argv.slice(2));
