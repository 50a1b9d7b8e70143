/** A Bot API call's parameters, as grammY sends them (JSON) or a form does (strings). */
export type Params = Record<string, unknown>;

/** A list parameter, sent as JSON (grammY) or as a JSON string in a form. */
export function parameterList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string' && value.trim().startsWith('[')) return JSON.parse(value) as unknown[];
  return [];
}

/** The message a send replies to: `reply_parameters`, or the older `reply_to_message_id`. */
export function replyTo(p: Params): number | undefined {
  const rp = p.reply_parameters as { message_id?: number } | undefined;
  return rp?.message_id ?? (p.reply_to_message_id as number | undefined);
}
