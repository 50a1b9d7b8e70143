// Unpacks a brotli-compressed tar of a PostgreSQL cluster into a new folder: `node
// unpack-cluster.mjs <archive> <folder>`. Run as a process of its own by empty-cluster.ts: the
// ~50 MB that unpacking 40 MB of files takes stay with a process (its heap, its allocator's free
// lists) until it ends, and this one ends at once.
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import * as tar from 'tar';

const [archive, folder] = process.argv.slice(2);
await pipeline(createReadStream(archive), createBrotliDecompress(), tar.x({ cwd: folder }));
