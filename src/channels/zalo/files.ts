/**
 * A file a person sent to the OA (user_send_file): its event carries a link to Zalo's file
 * storage that does not last, so it is downloaded as soon as the message is handled.
 */
import type { FileFetcher } from '../../jobs/form-job.ts';
import { FileTooLarge } from '../../jobs/form-job.ts';
import { DownloadTooLarge, fetchBytes } from '../../util/fetch-bytes.ts';

export function zaloFileFetcher(fetchImpl: typeof fetch): FileFetcher {
  return async (file, maxBytes) => {
    if ((file.size ?? 0) > maxBytes) throw new FileTooLarge();
    if (!/^https?:\/\//i.test(file.ref)) throw new Error('zalo file reference is not a link');
    try {
      return await fetchBytes(file.ref, maxBytes, fetchImpl);
    } catch (error) {
      throw error instanceof DownloadTooLarge ? new FileTooLarge() : error;
    }
  };
}
