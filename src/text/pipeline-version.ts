/**
 * Version of what `searchTokens` produces. Stored search tokens are only comparable with a
 * question's tokens made by the same pipeline, so every change to tokenising, normalising,
 * stemming or stop words that changes any token bumps this, and the program re-indexes the
 * stored texts at its next start (src/knowledge/experiences/reindex.ts).
 *   1: the first release.
 *   2: nouns starting with می keep their stem (میوه‌ها → میوه); ـجات is a plural; امام، برون،
 *      بایدو، میانه، تحریم are kept whole.
 *   3: اسم (a name, as people say it) is read as نام, as texts write it.
 *   4: stored texts hold their adjacent Persian and English word pairs too (adjacentPairs).
 */
export const TEXT_PIPELINE_VERSION = 4;
