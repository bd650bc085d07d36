/**
 * A file a person sent on Telegram, downloaded through the Bot API: getFile gives its path on the
 * API server, valid for an hour, and the bytes are at <root>/file/bot<token>/<path>.
 */
import type { Api } from 'grammy';
import type { FileFetcher } from '../../chat/files.ts';
import { FileTooLarge } from '../../chat/files.ts';
import { DownloadTooLarge, fetchBytes } from '../../util/fetch-bytes.ts';

export function telegramFileFetcher(api: Api, token: string, apiRoot: string): FileFetcher {
  return async (file, maxBytes) => {
    if ((file.size ?? 0) > maxBytes) throw new FileTooLarge();
    const found = await api.getFile(file.ref);
    if (!found.file_path) throw new Error('telegram gave no file path');
    if ((found.file_size ?? 0) > maxBytes) throw new FileTooLarge();
    try {
      return await fetchBytes(`${apiRoot.replace(/\/$/, '')}/file/bot${token}/${found.file_path}`, maxBytes);
    } catch (error) {
      throw error instanceof DownloadTooLarge ? new FileTooLarge() : error;
    }
  };
}
