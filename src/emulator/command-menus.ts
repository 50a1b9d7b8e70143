import { parameterList, type Params } from './params.ts';

/** The command menus setMyCommands keeps: one list per scope and language. */
export class CommandMenus {
  private readonly menus = new Map<string, unknown[]>();

  set(p: Params): void {
    this.menus.set(menuKey(p), parameterList(p.commands));
  }

  delete(p: Params): void {
    this.menus.delete(menuKey(p));
  }

  get(p: Params): unknown[] {
    return this.menus.get(menuKey(p)) ?? [];
  }
}

/** The chat a command scope names (scope `chat`, `chat_administrators`, `chat_member`), if any. */
export function scopeChatId(p: Params): unknown {
  const scope = (typeof p.scope === 'string' ? JSON.parse(p.scope) : p.scope) as { chat_id?: unknown } | undefined;
  return scope?.chat_id;
}

function menuKey(p: Params): string {
  const scope = typeof p.scope === 'string' ? p.scope : JSON.stringify(p.scope ?? { type: 'default' });
  return `${scope}|${String(p.language_code ?? '')}`;
}
