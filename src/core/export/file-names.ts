// Turns titles into file names that Windows, macOS and Linux (and Obsidian links) all accept, unique within one export.

/** Longest base name kept, in characters (before " (2)" and the extension). */
export const MAX_NAME_CHARS = 100;
// Linux allows 255 bytes per name; emoji take 4 bytes in UTF-8, so characters alone are not enough.
const MAX_NAME_BYTES = 200;

// Windows refuses < > : " / \ | ? * and control characters; Obsidian also breaks links on # ^ [ ].
// Bidirectional overrides go too: they can make "txt.exe" display as "exe.txt". Joiners stay, as
// emoji sequences and Persian words need them.
const FORBIDDEN = /[<>:"/\\|?*#^[\]\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u2028\u2029]/gu;
// Device names Windows reserves whatever the extension (`CON.md` is the console), also with ¹²³.
const RESERVED = /^(?:CON|PRN|AUX|NUL|COM[1-9¹²³]|LPT[1-9¹²³])$/i;

const encoder = new TextEncoder();
// Made once: building a segmenter costs far more than using it, and exports name thousands of files.
let segmenter: Intl.Segmenter | null | undefined;

/** Cuts text to at most `maxChars` user-perceived characters and `maxBytes` UTF-8 bytes, never inside an emoji or accent. */
function truncate(text: string, maxChars: number, maxBytes: number): string {
  if (segmenter === undefined)
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;
  // Short names need no cutting, and most titles are short.
  if (text.length <= maxChars && encoder.encode(text).length <= maxBytes) return text;
  const graphemes = segmenter ? Array.from(segmenter.segment(text), (part) => part.segment) : Array.from(text);
  let out = '';
  let bytes = 0;
  for (const [count, grapheme] of graphemes.entries()) {
    const size = encoder.encode(grapheme).length;
    if (count >= maxChars || bytes + size > maxBytes) break;
    out += grapheme;
    bytes += size;
  }
  return out;
}

/**
 * A file name stem (no extension) for a title: forbidden and invisible characters become spaces,
 * runs of spaces collapse, leading dots (hidden files) and trailing dots and spaces (dropped by
 * Windows) are removed, reserved device names get a trailing underscore, and the result is cut to
 * {@link MAX_NAME_CHARS}. Letters of every script and emoji are kept. Falls back to `fallback`.
 */
export function safeFileStem(title: string, fallback = 'Untitled'): string {
  const cleaned = title.normalize('NFC').replace(FORBIDDEN, ' ').replace(/\s+/gu, ' ');
  const trimmed = (text: string) => text.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');
  let stem = trimmed(truncate(trimmed(cleaned), MAX_NAME_CHARS, MAX_NAME_BYTES));
  if (!stem) stem = fallback;
  // Windows looks only at the part before the first dot: "nul.backup" is the null device too.
  if (RESERVED.test(stem.split('.')[0]!.trim())) stem = `${stem}_`;
  return stem;
}

/**
 * Hands out unique file names within one folder of an export. Names are compared without case and
 * in one Unicode normal form, because macOS and Windows treat "Notes.md", "notes.md" and their
 * decomposed spellings as the same file. Later duplicates become "Name (2).md", "Name (3).md".
 */
export class FileNamer {
  private readonly used = new Set<string>();
  // Where to resume numbering each stem, so thousands of same-titled clips stay linear.
  private readonly nextNumber = new Map<string, number>();

  /** A unique `stem + extension` for `title`; `extension` includes its dot, e.g. ".md". */
  nameFor(title: string, extension: string, fallback?: string): string {
    const stem = safeFileStem(title, fallback);
    const stemKey = `${stem}${extension}`.normalize('NFC').toLowerCase();
    for (let n = this.nextNumber.get(stemKey) ?? 1; ; n++) {
      const name = n === 1 ? `${stem}${extension}` : `${stem} (${n})${extension}`;
      const key = name.normalize('NFC').toLowerCase();
      if (!this.used.has(key)) {
        this.used.add(key);
        this.nextNumber.set(stemKey, n + 1);
        return name;
      }
    }
  }
}
