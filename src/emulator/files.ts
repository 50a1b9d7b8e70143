import type { File } from 'grammy/types';

/** Where Telegram keeps a kind of upload: voice notes are `voice/file_N.oga`, audio files `music/file_N.mp3`. */
const FOLDER: Record<string, string> = { voice: 'voice', audio: 'music', document: 'documents', photo: 'photos' };

interface StoredFile {
  file: File;
  data: Uint8Array;
}

/**
 * Files members sent, as the Bot API serves them: getFile gives a path, and the path's bytes
 * are downloaded from `<apiRoot>/file/bot<token>/<path>`.
 */
export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private next = 1;

  /** Keeps `data` as an upload of `kind`; the returned ids go into the message (voice, audio…). */
  put(data: Uint8Array, kind: string, extension: string): { file_id: string; file_unique_id: string; file_size: number } {
    const n = this.next++;
    const file: File = {
      file_id: `emulated-${kind}-${n}`,
      file_unique_id: `u${n}`,
      file_size: data.byteLength,
      file_path: `${FOLDER[kind] ?? kind}/file_${n}.${extension}`,
    };
    const stored = { file, data };
    this.byId.set(file.file_id, stored);
    this.byPath.set(file.file_path!, stored);
    return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: data.byteLength };
  }

  /** getFile's answer; undefined for an id never handed out (Telegram: "invalid file_id"). */
  describe(fileId: string): File | undefined {
    return this.byId.get(fileId)?.file;
  }

  /** The bytes behind a file_path. */
  content(path: string): Uint8Array | undefined {
    return this.byPath.get(path)?.data;
  }
}
