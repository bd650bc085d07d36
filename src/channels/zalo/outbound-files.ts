/**
 * Which files Zalo OA's upload takes: PDF, DOC and DOCX up to 5 MB; pictures (JPG, PNG) up to 1 MB
 * by the image upload. Anything else (a workbook, a CSV, a bigger document or picture) goes as a
 * signed link (../file-link-text.ts).
 */
import { extname } from 'node:path';

const ZALO_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
const UPLOAD_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The MIME type to upload the file with, or null when Zalo would refuse it (kind or size). */
export function zaloUploadType(name: string, bytes: number): string | null {
  const type = UPLOAD_TYPES[extname(name).toLowerCase()];
  return type !== undefined && bytes <= ZALO_UPLOAD_MAX_BYTES ? type : null;
}

const ZALO_IMAGE_MAX_BYTES = 1024 * 1024;

/** Whether Zalo's image upload takes a picture of this size. */
export const zaloTakesImage = (bytes: number) => bytes <= ZALO_IMAGE_MAX_BYTES;
