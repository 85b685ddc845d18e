// Base64 of bytes: posting lists in search snapshots, binary chunks of exports. Browsers with
// Uint8Array.prototype.toBase64 and Uint8Array.fromBase64 (Chromium 140, Firefox 133) convert in one
// native call. Older ones go through a string of one character per byte, which leaves several times the
// output in garbage: at 100,000 items, saving a snapshot's posting lists that way was most of its memory peak.

type ToBase64 = (this: Uint8Array) => string;
type FromBase64 = (text: string) => Uint8Array<ArrayBuffer>;

const nativeToBase64 = (Uint8Array.prototype as { toBase64?: ToBase64 }).toBase64;
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64;

export function toBase64(bytes: Uint8Array): string {
  return nativeToBase64 ? nativeToBase64.call(bytes) : toBase64ByString(bytes);
}

/** Throws on text that is not base64 (a SyntaxError natively, a DOMException through atob). */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return nativeFromBase64 ? nativeFromBase64(text) : fromBase64ByString(text);
}

/** The conversion where toBase64 is not native. */
export function toBase64ByString(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode(...all) would overflow the argument stack on a big chunk.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The conversion where fromBase64 is not native. */
export function fromBase64ByString(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
