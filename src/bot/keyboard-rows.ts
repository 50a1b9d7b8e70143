import type { Transformer } from 'grammy';

type Rows = unknown[][];
type Markup = { inline_keyboard?: Rows; keyboard?: Rows };

/**
 * Drops the empty rows of a keyboard the bot sends. Keyboards are laid out two buttons a row
 * with `.row()` after each pair, so a list of even length ends in an empty row, and one more
 * `.row()` before a closing button leaves another; Telegram's clients have no use for them, and
 * its documentation does not promise to accept them.
 */
export const withoutEmptyKeyboardRows: Transformer = (prev, method, payload, signal) => {
  const markup = (payload as { reply_markup?: Markup } | undefined)?.reply_markup;
  if (!markup || typeof markup !== 'object') return prev(method, payload, signal);
  const kept = { ...markup };
  for (const key of ['inline_keyboard', 'keyboard'] as const) {
    const rows = markup[key];
    if (Array.isArray(rows)) kept[key] = rows.filter((row) => !Array.isArray(row) || row.length > 0);
  }
  return prev(method, { ...payload, reply_markup: kept } as typeof payload, signal);
};
