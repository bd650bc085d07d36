/**
 * Downloads a file into memory, refusing it as soon as it proves larger than `maxBytes` (by its
 * Content-Length, or while it streams in), so a huge file never fills the memory.
 */
export class DownloadTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
  }
}

export async function fetchBytes(url: string, maxBytes: number, fetchImpl: typeof fetch = fetch, timeoutMs = 30_000): Promise<Buffer> {
  const response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok || !response.body) throw new Error(`download failed: HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body.cancel();
    throw new DownloadTooLarge(maxBytes);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw new DownloadTooLarge(maxBytes);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
