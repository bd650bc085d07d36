/**
 * A file a person sent to the OA (user_send_file): its event carries a link to Zalo's file
 * storage that does not last, so it is downloaded as soon as the message is handled. The link comes
 * from a webhook, so it is fetched only from Zalo's file hosts (ZALO_FILE_HOSTS) and never from an
 * internal address (src/util/guarded-download.ts).
 */
import type { FileFetcher } from '../../chat/files.ts';
import { FileSourceRefused, FileTooLarge } from '../../chat/files.ts';
import { DownloadTooLarge } from '../../util/fetch-bytes.ts';
import { DownloadRefused, downloadGuarded, type DownloadPolicy } from '../../util/guarded-download.ts';

export function zaloFileFetcher(policy: DownloadPolicy): FileFetcher {
  return async (file, maxBytes) => {
    if ((file.size ?? 0) > maxBytes) throw new FileTooLarge();
    try {
      return await downloadGuarded(file.ref, maxBytes, policy);
    } catch (error) {
      if (error instanceof DownloadTooLarge) throw new FileTooLarge();
      if (error instanceof DownloadRefused) throw new FileSourceRefused(error.message);
      throw error;
    }
  };
}

/** The download policy of Zalo attachments, from the configuration. */
export const zaloFilePolicy = (config: { ZALO_FILE_HOSTS: string[]; ZALO_FILE_ALLOW_ADDRESSES: string[] }): DownloadPolicy => ({
  hosts: config.ZALO_FILE_HOSTS,
  allowAddresses: config.ZALO_FILE_ALLOW_ADDRESSES,
});
