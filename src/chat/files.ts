/**
 * Fetching a file a person sent (a filled form): each messenger that takes files offers a fetcher,
 * the form jobs use it. Here, below both, so that channels need not import a job.
 */
import type { FileRef } from './types.ts';

/** Fetches a file a person sent on a channel, refusing one larger than `maxBytes`. */
export type FileFetcher = (file: FileRef, maxBytes: number) => Promise<Buffer>;

export class FileTooLarge extends Error {}
/** The file's link leads somewhere the bot does not download from (off the messenger's file hosts, an internal address). */
export class FileSourceRefused extends Error {}
