import { AiError } from './errors.ts';

/**
 * The JSON object in a model's reply. Models often wrap it in a code fence or a sentence, so
 * the outermost object is taken; `what` names the reply in the AiError('malformed') thrown when
 * there is none or it is not valid JSON.
 */
export function parseJsonObject(reply: string, what: string): unknown {
  const start = reply.indexOf('{');
  const end = reply.lastIndexOf('}');
  if (start < 0 || end < start) throw new AiError('malformed', `${what} holds no JSON object`);
  try {
    return JSON.parse(reply.slice(start, end + 1));
  } catch (e) {
    throw new AiError('malformed', `${what} is not valid JSON`, { cause: e });
  }
}
