// Hands a finished file to the browser as a download.

/** Starts a download of a Blob under a suggested name. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference once it starts; the URL is let go after a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
