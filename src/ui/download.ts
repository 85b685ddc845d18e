// Hands an exported file to the browser as a download.
import type { ExportedFile } from '../messaging/protocol';

/** Starts a download; base64 is decoded by fetch, off the main thread, so a big zip never freezes the page. */
export async function download(file: ExportedFile): Promise<void> {
  const blob = file.base64
    ? await (await fetch(`data:${file.mimeType};base64,${file.base64}`)).blob()
    : new Blob([file.text ?? ''], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: file.fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
