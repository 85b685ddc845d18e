// Reads a browser's bookmark file (Netscape HTML) into clips without text, and its folders into collections.
import type { Collection } from '../collection';
import { MAX_EXCERPT_CHARS, MAX_TAGS, MAX_TITLE_CHARS } from '../extract/limits';
import type { Clip } from '../page-capture';
import { normalizeUrl } from '../url';
import { IMPORT_LIMITS } from './crisscross-schema';
import { htmlTokens } from './html-tokens';
import { importFailure, type ImportResult, type ParseOptions } from './import-result';
import { checkImportText } from './json-text';
import { bareClip, isOpenableUrl } from './library-data';

interface Folder {
  name: string;
  /** Browsers' own top folders ("Bookmarks bar", "Other bookmarks") are containers, not the user's collections. */
  builtIn: boolean;
  createdAt: number | null;
  updatedAt: number | null;
  description: string;
}

/** A bookmark date: seconds by the format, though some tools write milliseconds or microseconds. Null when absent or zero. */
function bookmarkTime(value: string | undefined): number | null {
  if (!value || !/^\d{1,20}$/.test(value.trim())) return null;
  const n = Number(value);
  if (n <= 0) return null;
  const ms = n > 1e14 ? n / 1000 : n > 1e11 ? n : n * 1000;
  return Math.min(Math.floor(ms), 8.64e15);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cut(text: string, max: number): string {
  // Never cut a surrogate pair in half: the stored text must stay valid UTF-16.
  return text.length > max ? text.slice(0, max).replace(/[\uD800-\uDBFF]$/, '') : text;
}

function schemeOf(url: string): string {
  return /^([a-zA-Z][a-zA-Z0-9+.-]*:)/.exec(url)?.[1]?.toLowerCase() ?? '(no scheme)';
}

/**
 * Reads a bookmark file as browsers export it (`<!DOCTYPE NETSCAPE-Bookmark-file-1>`), with a small
 * tolerant tokenizer because the service worker has no DOMParser. Each `<A HREF>` becomes a clip
 * with its title, `TAGS` and `ADD_DATE` and no text yet (see {@link bareClip}); a `<DD>` after it
 * becomes the excerpt. Each `<H3>` folder holding bookmarks becomes a collection named by its path
 * ("Work / Reading"), except the browsers' own top folders. The same page bookmarked twice is one
 * clip. Bookmarks that are not web or file pages (bookmarklets, `place:` queries) are left out and
 * counted in the warnings.
 */
export function parseNetscapeBookmarks(text: string, options: ParseOptions = {}): ImportResult {
  const checked = checkImportText(text, options);
  if (!checked.ok) return checked;
  const first = checked.text.trimStart()[0];
  if (first === '{' || first === '[') {
    return importFailure(
      'wrong-format',
      'This is a JSON file, not a bookmarks file: import it as a Crisscross export or as Web Annotations.',
    );
  }
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.now ?? Date.now();

  const clipsByUrl = new Map<string, Clip>();
  const folderItems = new Map<string, { folder: Folder; clipIds: Set<string> }>();
  const stack: (Folder | null)[] = [];
  const skippedSchemes = new Map<string, number>();
  let links = 0;
  let duplicates = 0;
  let pendingFolder: Folder | null = null;
  // What the text tokens currently belong to.
  let reading: { kind: 'link'; href: string; attributes: Map<string, string>; text: string } | { kind: 'folder'; text: string } | null =
    null;
  let described: { excerpt: string } | Folder | null = null;
  let description: string | null = null;

  const folderPath = () =>
    stack
      .filter((folder): folder is Folder => folder !== null && !folder.builtIn)
      .map((folder) => folder.name)
      .join(' / ');

  const finishDescription = () => {
    if (description === null) return;
    if (described) {
      const value = oneLine(description);
      if ('excerpt' in described) described.excerpt ||= cut(value, MAX_EXCERPT_CHARS);
      else described.description = value;
    }
    description = null;
    described = null;
  };

  const finishLink = (href: string, attributes: Map<string, string>, title: string) => {
    links++;
    if (!isOpenableUrl(href) || href.length > IMPORT_LIMITS.urlChars) {
      const scheme = schemeOf(href);
      skippedSchemes.set(scheme, (skippedSchemes.get(scheme) ?? 0) + 1);
      return;
    }
    const key = normalizeUrl(href) ?? href;
    const savedAt = bookmarkTime(attributes.get('add_date')) ?? now;
    const updatedAt = Math.max(bookmarkTime(attributes.get('last_modified')) ?? savedAt, savedAt);
    const tags = (attributes.get('tags') ?? '')
      .split(',')
      .map((tag) => oneLine(tag))
      .filter((tag) => tag && tag.length <= 60);
    let clip = clipsByUrl.get(key);
    if (clip) {
      duplicates++;
      clip.tags = [...new Set([...clip.tags, ...tags])].slice(0, MAX_TAGS);
      clip.savedAt = Math.min(clip.savedAt, savedAt);
      clip.updatedAt = Math.max(clip.updatedAt, updatedAt);
      if (clip.title === clip.url && title) clip.title = cut(title, MAX_TITLE_CHARS);
    } else {
      clip = bareClip({
        id: newId(),
        url: href,
        title: cut(title || href, MAX_TITLE_CHARS),
        tags: [...new Set(tags)].slice(0, MAX_TAGS),
        savedAt,
        updatedAt,
      });
      clipsByUrl.set(key, clip);
    }
    described = clip;
    const path = folderPath();
    const folder = stack.at(-1);
    if (path && folder) {
      // A Set keeps the file's order and makes a folder of 50,000 bookmarks linear, not quadratic.
      const entry = folderItems.get(path) ?? { folder, clipIds: new Set<string>() };
      entry.clipIds.add(clip.id);
      folderItems.set(path, entry);
    }
  };

  const finishReading = () => {
    if (reading?.kind === 'link') finishLink(reading.href, reading.attributes, oneLine(reading.text));
    else if (reading?.kind === 'folder') {
      const name = oneLine(reading.text);
      if (pendingFolder) pendingFolder.name = cut(name || 'Untitled folder', IMPORT_LIMITS.collectionName);
      described = pendingFolder;
    }
    reading = null;
  };

  for (const token of htmlTokens(checked.text)) {
    if (token.kind === 'text') {
      if (reading) reading.text += token.text;
      else if (description !== null) description += token.text;
      continue;
    }
    const { name, closing, attributes } = token;
    if (reading && ((reading.kind === 'link' && name === 'a' && closing) || (reading.kind === 'folder' && name === 'h3' && closing))) {
      finishReading();
      continue;
    }
    // Tags that start a new entry end whatever was open, so an unclosed <A> or <DD> loses nothing.
    if (['a', 'h3', 'dt', 'dd', 'dl', 'hr'].includes(name)) {
      finishReading();
      finishDescription();
      // A <DD> describes the entry just before it; a new entry or list ends that.
      if (name !== 'dd') described = null;
    }
    if (closing) {
      if (name === 'dl') stack.pop();
      continue;
    }
    if (name === 'a') {
      reading = { kind: 'link', href: (attributes.get('href') ?? '').trim(), attributes, text: '' };
    } else if (name === 'h3') {
      const builtIn = attributes.has('personal_toolbar_folder') || attributes.has('unfiled_bookmarks_folder');
      const createdAt = bookmarkTime(attributes.get('add_date'));
      pendingFolder = {
        name: '',
        builtIn,
        createdAt,
        updatedAt: bookmarkTime(attributes.get('last_modified')) ?? createdAt,
        description: '',
      };
      reading = { kind: 'folder', text: '' };
    } else if (name === 'dd') {
      description = '';
    } else if (name === 'dl') {
      stack.push(pendingFolder);
      pendingFolder = null;
    }
  }
  finishReading();
  finishDescription();

  if (links === 0) {
    return importFailure(
      'no-bookmarks',
      'No bookmarks found: this file has no <A HREF="…"> links. Export your bookmarks from the browser as an HTML file and choose that file.',
    );
  }
  const clips = [...clipsByUrl.values()];
  const skipped = [...skippedSchemes.entries()];
  const skippedCount = skipped.reduce((sum, [, n]) => sum + n, 0);
  if (clips.length === 0) {
    return importFailure(
      'no-bookmarks',
      `None of the ${links} bookmarks in this file is a web page (they are ${skipped.map(([scheme]) => scheme).join(', ')} addresses), so there is nothing to import.`,
    );
  }
  if (clips.length > IMPORT_LIMITS.clips) {
    return importFailure('too-large', `This file has ${clips.length} bookmarks; at most ${IMPORT_LIMITS.clips} can be imported at once.`);
  }

  const collections: Collection[] = [...folderItems.entries()].map(([path, { folder, clipIds }]) => ({
    id: newId(),
    name: cut(path, IMPORT_LIMITS.collectionName),
    description: cut(folder.description, IMPORT_LIMITS.collectionDescription),
    items: [...clipIds].map((id) => ({ type: 'clip' as const, id })),
    createdAt: folder.createdAt ?? now,
    updatedAt: Math.max(folder.updatedAt ?? now, folder.createdAt ?? now),
  }));

  const warnings: string[] = [];
  if (skippedCount) {
    warnings.push(
      `Left out ${skippedCount} bookmark${skippedCount === 1 ? '' : 's'} that ${skippedCount === 1 ? 'is' : 'are'} not a web page (${skipped.map(([scheme]) => scheme).join(', ')}).`,
    );
  }
  if (duplicates)
    warnings.push(
      `${duplicates} bookmark${duplicates === 1 ? ' was a repeat' : 's were repeats'} of a page already in the file and merged into it.`,
    );
  return { ok: true, value: { bundle: { clips, highlights: [], collections }, meta: null, warnings } };
}
