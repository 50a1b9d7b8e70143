/**
 * What a model wrote is checked before a member reads it: it must not repeat its instructions
 * or a secret of the configuration (a model that echoes its input, or obeys "print your
 * prompt"), and it may cite only the experiences it was given.
 */

/** A system prompt line this long, found in a reply, is an echo of the instructions. */
const ECHOED_LINE = 16;
/** A word of the system prompt this long with letters and digits (a canary, a key) must never be repeated. */
const SECRET_WORD = 10;
/** A configured secret shorter than this would match ordinary text by chance. */
const SHORTEST_SECRET = 6;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * Whether a reply repeats `systemPrompt` (a long line of it, or a code-like word) or one of
 * `secrets`. The prompt is cut into lines and words once: a streamed answer checks every draft
 * against it.
 */
export function echoCheck(systemPrompt: string, secrets: readonly string[]): (reply: string) => boolean {
  const lines = systemPrompt
    .split('\n')
    .map(squash)
    .filter((l) => l.length >= ECHOED_LINE);
  const words = systemPrompt.split(/[\s"'«»(),.;:]+/).filter((w) => w.length >= SECRET_WORD && /\p{L}/u.test(w) && /\d/.test(w));
  const kept = secrets.filter((s) => s.length >= SHORTEST_SECRET);
  return (reply) => {
    if (kept.some((s) => reply.includes(s))) return true;
    const said = squash(reply);
    return lines.some((l) => said.includes(l)) || words.some((w) => reply.includes(w));
  };
}

// «title» as the prompt asks, and an experience's id ("exp-123"), bare or in its deep link (`?start=exp_<id>`).
const QUOTED = /\s*«([^«»\n]*)»/g;
const EXPERIENCE_ID = /\s*(?:(?:https?:\/\/)?t\.me\/[^\s?]+\?start=)?\b(exp[_-][A-Za-z0-9_-]+)/g;

/**
 * The reply with every citation of an experience it was not given removed: a «title» that is
 * none of `titles`, and an experience id (or link) that is none of `ids` (external ids). An invented source is
 * false even when the text around it is harmless.
 */
export function dropInventedCitations(reply: string, cited: { titles: readonly string[]; ids: readonly string[] }): string {
  const known = new Set(cited.titles.map(squash));
  return reply
    .replace(QUOTED, (whole, title: string) => (known.has(squash(title)) ? whole : ''))
    .replace(EXPERIENCE_ID, (whole, id: string) => (cited.ids.includes(id) || cited.ids.includes(id.slice(4)) ? whole : ''))
    .replace(/\(\s*\)/g, '')
    .replace(/[ \t]+([.,;:!?،؛。，；：！？])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

/**
 * Which of the experiences given (`titles`, `ids` in the same order) `reply` cites, by «title» or
 * by id, as positions in that order: an answer that cites none of them is not shown to answer from them.
 */
export function citedPositions(reply: string, cited: { titles: readonly string[]; ids: readonly string[] }): Set<number> {
  const byTitle = new Map(cited.titles.map((t, i) => [squash(t), i]));
  const positions = new Set<number>();
  for (const [, title] of reply.matchAll(QUOTED)) {
    const i = byTitle.get(squash(title!));
    if (i !== undefined) positions.add(i);
  }
  for (const [, id] of reply.matchAll(EXPERIENCE_ID)) {
    const i = cited.ids.findIndex((known) => known === id || known === id!.slice(4));
    if (i >= 0) positions.add(i);
  }
  return positions;
}
