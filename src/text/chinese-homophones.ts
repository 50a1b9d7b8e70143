import { pinyin } from 'pinyin-pro';

let charactersBySound: Map<string, string[]> | undefined;

/**
 * The 3,755 common characters of GB 2312 (level 1) by their toneless pinyin, every reading of
 * each. Built on first use (about 60 ms): the characters are read from the GB 2312 code table the
 * runtime's decoder already carries, so no list is kept here. Toneless because pinyin input
 * methods are typed without tones (yilang offers 伊郎 and 伊朗 alike).
 */
function soundTable(): Map<string, string[]> {
  if (charactersBySound) return charactersBySound;
  const table = new Map<string, string[]>();
  const decoder = new TextDecoder('gb18030');
  for (let row = 0xb0; row <= 0xd7; row++)
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const character = decoder.decode(new Uint8Array([row, cell]));
      if (!/^\p{Script=Han}$/u.test(character)) continue;
      for (const sound of readings(character)) {
        const same = table.get(sound);
        if (same) same.push(character);
        else table.set(sound, [character]);
      }
    }
  charactersBySound = table;
  return table;
}

function readings(character: string): string[] {
  return pinyin(character, { toneType: 'none', type: 'array', multiple: true });
}

/**
 * Words of two simplified characters that sound like `word` with one of its characters replaced
 * by a common character of the same sound (冻节 → 冻结, 伊郎 → 伊朗): the slip of a pinyin input
 * method, where the member picked the wrong candidate.
 */
export function chineseHomophones(word: string): string[] {
  const chars = [...word];
  if (chars.length !== 2) return [];
  const table = soundTable();
  const out = new Set<string>();
  for (let i = 0; i < 2; i++)
    for (const sound of readings(chars[i]!)) for (const c of table.get(sound) ?? []) if (c !== chars[i]) out.add(i === 0 ? c + chars[1] : chars[0] + c);
  return [...out];
}
