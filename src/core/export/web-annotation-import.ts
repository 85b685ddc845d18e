// Reads W3C Web Annotations (a collection with embedded pages, a page, one annotation or an array) into highlights and minimal clips.
import type { TextPositionSelector } from '../anchoring/types';
import type { Highlight } from '../highlight';
import { MAX_NOTE_CHARS, MAX_QUOTE_CHARS } from '../highlight';
import type { Clip } from '../page-capture';
import { normalizeUrl } from '../url';
import { IMPORT_LIMITS } from './crisscross-schema';
import { importFailure, type ImportResult, type ParseOptions } from './import-result';
import { readJsonText } from './json-text';
import { bareClip, isOpenableUrl } from './library-data';
import { spanFromCodePoints } from './text-offsets';
import { colorFromStyleClass, highlightIdFrom } from './web-annotation-format';
import { asArray, findQuote, hasType, isObject, isOffset, rangeFrom, readBodies, type Json } from './web-annotation-selectors';

/** Warnings listed one by one; beyond this they are counted. */
const WARNINGS_LISTED = 20;
/** Embedded pages followed through `next`, so a cyclic file cannot loop forever. */
const MAX_PAGES = 10_000;

/** One annotation found in the file, with where it was, for messages. */
interface Found {
  annotation: Json;
  path: string;
}

/** What {@link collectAnnotations} finds: the annotations, the label, and notes on what the file lacks. */
type Collected =
  | { ok: true; found: Found[]; label: string | null; notes: string[] }
  | { ok: false; message: string; code: 'wrong-format' | 'no-annotations' };

const NOT_ANNOTATIONS = 'This JSON is not a Web Annotation file';

/** Finds the annotations of a collection, page, annotation or array, or says why there are none to find. */
function collectAnnotations(data: unknown): Collected {
  if (Array.isArray(data)) {
    return { ok: true, found: data.map((annotation, i) => ({ annotation: annotation as Json, path: `[${i}]` })), label: null, notes: [] };
  }
  if (!isObject(data))
    return { ok: false, code: 'wrong-format', message: `${NOT_ANNOTATIONS}: expected an object or an array of annotations.` };
  if (Array.isArray(data['@graph'])) return collectAnnotations(data['@graph']);
  if (hasType(data, 'Annotation')) return { ok: true, found: [{ annotation: data, path: '(the annotation)' }], label: null, notes: [] };

  const isCollection = hasType(data, 'AnnotationCollection');
  if (!isCollection && !hasType(data, 'AnnotationPage')) {
    const found = JSON.stringify(data.type) ?? '(none)';
    const hint = data.format === 'crisscross' ? ' It is a Crisscross export: import it as one.' : '';
    const message = `${NOT_ANNOTATIONS}: expected an Annotation, AnnotationPage or AnnotationCollection, found type ${found}.${hint}`;
    return { ok: false, code: 'wrong-format', message };
  }
  const label = [data.label].flat().find((value): value is string => typeof value === 'string') ?? null;
  if (isCollection && data.first === undefined)
    return { ok: false, code: 'no-annotations', message: 'This annotation collection is empty.' };
  if (isCollection && !isObject(data.first)) {
    // Pages given by address would have to be fetched; an import reads only the file.
    const where = typeof data.first === 'string' ? data.first : 'not embedded';
    const message = `first: this collection's annotations are in a separate page (${where}) that is not in the file. Export the collection with its pages embedded.`;
    return { ok: false, code: 'no-annotations', message };
  }

  const found: Found[] = [];
  const notes: string[] = [];
  let page = (isCollection ? data.first : data) as Json;
  let path = isCollection ? 'first' : '';
  for (let pages = 1; ; pages++) {
    const prefix = path ? `${path}.` : '';
    for (const [i, annotation] of asArray(page.items).entries())
      found.push({ annotation: annotation as Json, path: `${prefix}items[${i}]` });
    if (page.next === undefined || page.next === null) break;
    if (!isObject(page.next) || pages >= MAX_PAGES) {
      notes.push(`${prefix}next: the collection continues in pages that are not in the file; only the annotations in the file were read.`);
      break;
    }
    page = page.next;
    path = `${prefix}next`;
  }
  return { ok: true, found, label, notes };
}

function timeOf(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isFinite(time) && time >= 0 ? time : null;
}

/**
 * Reads W3C Web Annotations: an AnnotationCollection whose pages are embedded (`first`, then
 * `next`), an AnnotationPage, a single Annotation, or a JSON array of them. Each annotation whose
 * target is a web page with a TextQuoteSelector becomes a highlight: TextPositionSelector offsets
 * are converted from code points, the RangeSelector is read when present (see `rangeFrom` for the
 * placeholder otherwise), TextualBodies become the note and tags, and our own `crisscross-<colour>`
 * style class gives the colour (yellow otherwise). Annotations made by Crisscross keep their ids.
 *
 * Highlights are grouped by page into minimal clips with no text (see `bareClip`): titled with the
 * collection's label when the file covers one page, else with the address, since the model has no
 * page titles. Annotations that cannot become highlights are left out with a warning naming where
 * they are and why; a file where none can is an error.
 */
export function parseWebAnnotations(text: string, options: ParseOptions = {}): ImportResult {
  const read = readJsonText(text, options);
  if (!read.ok) return read;
  const collected = collectAnnotations(read.value);
  if (!collected.ok) return importFailure(collected.code, collected.message);
  const { found, label, notes } = collected;
  if (found.length === 0) return importFailure('no-annotations', 'This file holds no annotations.');
  if (found.length > IMPORT_LIMITS.highlights) {
    return importFailure(
      'too-large',
      `This file has ${found.length} annotations; at most ${IMPORT_LIMITS.highlights} can be imported at once.`,
    );
  }
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.now ?? Date.now();

  const warnings: string[] = [...notes];
  const warn = (path: string, message: string) => warnings.push(`${path}: ${message}`);
  const pages = new Map<string, { url: string; highlights: Highlight[] }>();
  const usedIds = new Set<string>();
  let ignoredBodies = 0;

  for (const { annotation, path } of found) {
    if (!isObject(annotation) || !hasType(annotation, 'Annotation')) {
      warn(path, 'not an Annotation (left out)');
      continue;
    }
    const targets = asArray(annotation.target).filter(isObject);
    const target = targets.find((t) => typeof t.source === 'string' && findQuote(asArray(t.selector)));
    if (!target) {
      warn(path, 'no target with a TextQuoteSelector, so there is no text to highlight (left out)');
      continue;
    }
    const source = (target.source as string).trim();
    if (!isOpenableUrl(source) || source.length > IMPORT_LIMITS.urlChars) {
      warn(path, `its page address is not a web or file page (${source.slice(0, 40)}) (left out)`);
      continue;
    }
    const selectors = asArray(target.selector);
    const quote = findQuote(selectors)!;
    const exact = quote.exact as string;
    if (exact.length > MAX_QUOTE_CHARS) {
      warn(path, `the highlighted text is longer than ${MAX_QUOTE_CHARS} characters (left out)`);
      continue;
    }
    // Context only disambiguates, so keeping the part nearest the quote loses nothing that matters.
    const prefix = typeof quote.prefix === 'string' ? quote.prefix.slice(-200) : '';
    const suffix = typeof quote.suffix === 'string' ? quote.suffix.slice(0, 200) : '';

    const positionSelector = selectors.find((s) => isObject(s) && hasType(s, 'TextPositionSelector')) as Json | undefined;
    let position: TextPositionSelector = { type: 'TextPositionSelector', start: 0, end: 0 };
    if (
      positionSelector &&
      isOffset(positionSelector.start) &&
      isOffset(positionSelector.end) &&
      positionSelector.end >= positionSelector.start
    ) {
      position = {
        type: 'TextPositionSelector',
        ...spanFromCodePoints({ start: positionSelector.start, end: positionSelector.end }, exact),
      };
    }
    // Without a position, {0, 0} never matches a quote, so anchoring goes straight to the quote search.

    const { notes, tags, ignored } = readBodies(annotation);
    ignoredBodies += ignored;
    let note = notes.join('\n\n');
    if (note.length > MAX_NOTE_CHARS) {
      note = note.slice(0, MAX_NOTE_CHARS).replace(/[\uD800-\uDBFF]$/, '');
      warn(path, `its note was longer than ${MAX_NOTE_CHARS} characters and was shortened`);
    }
    const createdAt = timeOf(annotation.created) ?? now;
    const updatedAt = Math.max(timeOf(annotation.modified) ?? createdAt, createdAt);
    let id = typeof annotation.id === 'string' ? highlightIdFrom(annotation.id) : null;
    if (!id || id.length > 100 || usedIds.has(id)) id = newId();
    usedIds.add(id);

    const key = normalizeUrl(source) ?? source;
    const page = pages.get(key) ?? { url: source, highlights: [] };
    pages.set(key, page);
    page.highlights.push({
      id,
      clipId: '',
      pageUrl: key,
      pageTitle: '',
      text: exact,
      note,
      color: colorFromStyleClass(target.styleClass) ?? 'yellow',
      tags: tags.slice(0, 50),
      selectors: {
        quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
        position,
        range: rangeFrom(selectors, position, exact),
      },
      createdAt,
      updatedAt,
    });
  }

  if (pages.size === 0) {
    return importFailure('no-annotations', `None of the ${found.length} annotations could be imported. ${warnings.slice(0, 3).join('; ')}`);
  }
  const clips: Clip[] = [];
  const highlights: Highlight[] = [];
  for (const page of pages.values()) {
    const title = pages.size === 1 && label ? label : page.url;
    const clip = bareClip({
      id: newId(),
      url: page.url,
      title: title.slice(0, 500),
      // reduce, not Math.min(...spread): a page can have more highlights than a call has arguments.
      savedAt: page.highlights.reduce((min, h) => Math.min(min, h.createdAt), Infinity),
      updatedAt: page.highlights.reduce((max, h) => Math.max(max, h.updatedAt), 0),
    });
    clips.push(clip);
    for (const highlight of page.highlights)
      highlights.push({ ...highlight, clipId: clip.id, pageUrl: clip.canonicalUrl, pageTitle: clip.title });
  }
  if (ignoredBodies)
    warnings.push(
      `${ignoredBodies} annotation bod${ignoredBodies === 1 ? 'y was' : 'ies were'} not text (links, images or over-long tags) and not kept.`,
    );
  const listed =
    warnings.length > WARNINGS_LISTED ? [...warnings.slice(0, WARNINGS_LISTED), `and ${warnings.length - WARNINGS_LISTED} more`] : warnings;
  return { ok: true, value: { bundle: { clips, highlights, collections: [] }, meta: null, warnings: listed } };
}
