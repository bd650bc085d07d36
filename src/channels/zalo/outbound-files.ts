/**
 * Which files Zalo OA's upload takes: PDF, DOC and DOCX up to 5 MB. Anything else (a workbook, a
 * CSV, a bigger document) goes as a signed link (../file-link-text.ts).
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
