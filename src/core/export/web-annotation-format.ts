// Writes highlights as a W3C Web Annotation collection (JSON-LD) that other annotation tools can read.
import type { Highlight, HighlightColor } from '../highlight';
import { HIGHLIGHT_COLORS } from '../highlight';
import { compareIds, isoDay, isoTime, type ExportBundle, type ExportFile, type ExportMeta } from './library-data';
import { spanToCodePoints } from './text-offsets';

/** The JSON-LD context every annotation, page and collection names. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Options for {@link exportWebAnnotations}. */
export interface WebAnnotationOptions extends ExportMeta {
  /** The collection's label; "Crisscross highlights" by default. */
  label?: string;
  /** The collection's IRI; a URN made from the export time by default. */
  collectionId?: string;
}

/** A JSON-LD object as written; the model's values are strings, numbers, objects and arrays. */
export type JsonLd = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CRISSCROSS_URN = 'urn:crisscross:highlight:';

/**
 * The annotation IRI of a highlight: `urn:uuid:…` for our UUID ids, otherwise a Crisscross URN
 * with the id percent-encoded. Both are stable, so re-importing finds the same highlight.
 */
export function annotationId(highlightId: string): string {
  return UUID.test(highlightId) ? `urn:uuid:${highlightId.toLowerCase()}` : `${CRISSCROSS_URN}${encodeURIComponent(highlightId)}`;
}

/** The highlight id an annotation IRI was made from, or null for annotations made elsewhere. */
export function highlightIdFrom(annotationIri: string): string | null {
  const uuid = /^urn:uuid:(.+)$/i.exec(annotationIri)?.[1];
  if (uuid && UUID.test(uuid)) return uuid.toLowerCase();
  if (annotationIri.startsWith(CRISSCROSS_URN)) {
    try {
      return decodeURIComponent(annotationIri.slice(CRISSCROSS_URN.length)) || null;
    } catch {
      return null;
    }
  }
  return null;
}

// Our RangeSelector XPaths start at <body> (where highlights are described); the model's XPaths
// start at the document, so the prefix is added on export and removed on import.
export const BODY_XPATH = '/html[1]/body[1]';

/** The colour's style class, so other tools can show it and our import can read it back. */
export function styleClassOf(color: HighlightColor): string {
  return `crisscross-${color}`;
}

const COLOR_CSS: Record<HighlightColor, string> = {
  yellow: 'rgba(245, 197, 24, 0.4)',
  green: 'rgba(63, 185, 80, 0.35)',
  blue: 'rgba(68, 147, 248, 0.35)',
  pink: 'rgba(247, 120, 186, 0.35)',
  purple: 'rgba(163, 113, 247, 0.35)',
};

/**
 * A highlight as a W3C Annotation. Its target is the page with three selectors describing the same
 * text: TextQuoteSelector (the ground truth), TextPositionSelector in code points (see
 * `spanToCodePoints` for what can and cannot be converted) and a RangeSelector whose ends are
 * XPaths from the document root refined by a character position. The note is a TextualBody with
 * purpose "commenting" and each tag one with purpose "tagging"; a bare highlight has no body.
 */
export function highlightToAnnotation(highlight: Highlight): JsonLd {
  const { quote, position, range } = highlight.selectors;
  const span = spanToCodePoints(position, quote.exact);
  const sameElement = range.startSelector.value === range.endSelector.value;
  const rangeSpan = sameElement ? spanToCodePoints({ start: range.startOffset, end: range.endOffset }, quote.exact) : null;
  const point = (xpath: string, offset: number) => ({
    type: 'XPathSelector',
    value: xpath === '/' ? BODY_XPATH : `${BODY_XPATH}${xpath}`,
    refinedBy: { type: 'TextPositionSelector', start: offset, end: offset },
  });
  const bodies: JsonLd[] = [];
  if (highlight.note) bodies.push({ type: 'TextualBody', value: highlight.note, format: 'text/plain', purpose: 'commenting' });
  for (const tag of highlight.tags) bodies.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });

  const annotation: JsonLd = {
    '@context': ANNOTATION_CONTEXT,
    id: annotationId(highlight.id),
    type: 'Annotation',
    motivation: highlight.note ? 'commenting' : 'highlighting',
    created: isoTime(highlight.createdAt),
    modified: isoTime(highlight.updatedAt),
  };
  if (bodies.length) annotation.body = bodies;
  annotation.target = {
    source: highlight.pageUrl,
    styleClass: styleClassOf(highlight.color),
    selector: [
      { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      { type: 'TextPositionSelector', start: span.start, end: span.end },
      {
        type: 'RangeSelector',
        startSelector: point(range.startSelector.value, range.startOffset),
        endSelector: point(range.endSelector.value, rangeSpan ? rangeSpan.end : range.endOffset),
      },
    ],
  };
  annotation.stylesheet = {
    type: 'CssStylesheet',
    value: `.${styleClassOf(highlight.color)} { background-color: ${COLOR_CSS[highlight.color]}; }`,
  };
  return annotation;
}

/**
 * The bundle's highlights as one AnnotationCollection with every annotation in one embedded
 * AnnotationPage (oldest first). The page's `partOf` embeds the collection's description (id, type,
 * label, total) instead of a bare IRI, which is what the W3C page tests accept. An empty export has
 * `total: 0` and no page, as the model requires.
 */
export function exportWebAnnotations(bundle: ExportBundle, options: WebAnnotationOptions): ExportFile {
  const collectionId = options.collectionId ?? `urn:crisscross:export:${isoTime(options.exportedAt)}`;
  const label = options.label ?? 'Crisscross highlights';
  const highlights = [...bundle.highlights].sort((a, b) => a.createdAt - b.createdAt || compareIds(a.id, b.id));
  const collection: JsonLd = {
    '@context': ANNOTATION_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label,
    total: highlights.length,
  };
  if (highlights.length) {
    collection.first = {
      '@context': ANNOTATION_CONTEXT,
      id: `${collectionId}:page:1`,
      type: 'AnnotationPage',
      partOf: { id: collectionId, type: 'AnnotationCollection', label, total: highlights.length },
      startIndex: 0,
      items: highlights.map(highlightToAnnotation),
    };
  }
  return {
    fileName: `crisscross-annotations-${isoDay(options.exportedAt)}.jsonld`,
    mimeType: 'application/ld+json',
    data: `${JSON.stringify(collection, null, 2)}\n`,
  };
}

/** The colour a style class names, for the import; null when it is not one of ours. */
export function colorFromStyleClass(styleClass: unknown): HighlightColor | null {
  const classes = Array.isArray(styleClass) ? styleClass : [styleClass];
  for (const value of classes) {
    if (typeof value !== 'string') continue;
    const name = value.replace(/^crisscross-/, '');
    if ((HIGHLIGHT_COLORS as readonly string[]).includes(name)) return name as HighlightColor;
  }
  return null;
}
