// Web Annotation export and import: every exported annotation, collection and page passes the W3C "must" assertions, and highlights come back intact.
import { beforeAll, describe, expect, it } from 'vitest';
import { exportWebAnnotations, highlightToAnnotation } from '../../../src/core/export/web-annotation-format';
import { parseWebAnnotations } from '../../../src/core/export/web-annotation-import';
import { CLIP_ID_TRICKY, HL_ID_EMOJI, HL_ID_NOTE, makeBundle, makeHighlight, META } from './fixtures';
import { fixtureFiles, loadSuite, mustFailures, readFixture } from './w3c-annotation-validator';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function exported(bundle = makeBundle(), options = {}): Json {
  return JSON.parse(exportWebAnnotations(bundle, { ...META, ...options }).data as string) as Json;
}

function annotationOf(id: string): Json {
  return exported().first.items.find((a: Json) => a.id === `urn:uuid:${id}`);
}

function ids() {
  let n = 0;
  return () => `new-${++n}`;
}

// Compiling the suites' ~100 schemas takes a second or two; do it once, with time to spare on a busy machine.
beforeAll(() => {
  loadSuite('annotations/annotationMusts.test');
  loadSuite('collections/collectionMusts.test');
  loadSuite('collections/pages/pageMusts.test');
}, 60_000);

describe('the W3C validator helper', () => {
  it('accepts the suite’s correct annotation samples, except the three that use target types removed from the final spec', () => {
    const samples = fixtureFiles('tools/samples/correct').filter((file) => file.startsWith('anno'));
    expect(samples.length).toBeGreaterThan(30);
    for (const file of samples) {
      const failures = mustFailures('annotations/annotationMusts.test', readFixture(`tools/samples/correct/${file}`));
      if (['anno11.json', 'anno12.json', 'anno13.json'].includes(file)) expect(failures, file).not.toEqual([]);
      else expect(failures, file).toEqual([]);
    }
  });

  it('accepts the suite’s correct collection and page samples, except a page whose partOf is a bare URL', () => {
    for (const file of ['collection1.json', 'example41.json']) {
      expect(mustFailures('collections/collectionMusts.test', readFixture(`tools/samples/correct/${file}`)), file).toEqual([]);
    }
    // The page schemas read partOf as an embedded collection: a string fails, which is why we embed it.
    for (const file of ['example42.json', 'example43.json']) {
      const bare = readFixture(`tools/samples/correct/${file}`) as Json;
      expect(typeof bare.partOf).toBe('string');
      expect(mustFailures('collections/pages/pageMusts.test', bare), file).not.toEqual([]);
      const embedded = { ...bare, partOf: { id: bare.partOf, type: 'AnnotationCollection' } };
      expect(mustFailures('collections/pages/pageMusts.test', embedded), file).toEqual([]);
    }
  });

  it('rejects every incorrect annotation sample of the suite', () => {
    const samples = fixtureFiles('tools/samples/incorrect');
    for (const file of samples) {
      let data: unknown;
      try {
        data = readFixture(`tools/samples/incorrect/${file}`);
      } catch {
        continue; // "this is not json": nothing to validate
      }
      expect(mustFailures('annotations/annotationMusts.test', data), file).not.toEqual([]);
    }
  });

  it('rejects broken versions of our own annotation, naming the assertion that fails', () => {
    const good = annotationOf(HL_ID_NOTE);
    expect(mustFailures('annotations/annotationMusts.test', good)).toEqual([]);
    const broken: [string, Json][] = [
      ['annotations/3.1-annotationContextValidated.json', { ...good, '@context': 'http://example.org/context' }],
      ['annotations/3.1-annotationIdValidated.json', { ...good, id: 'not a uri' }],
      ['annotations/3.3.1-annotationCreatedValidated.json', { ...good, created: 'yesterday' }],
      ['annotations/3.2.5-notBodyBodyValue.json', { ...good, bodyValue: 'a note' }],
      [
        'annotations/specificResource/4.2-TextDataPositionSelectorValid.json',
        { ...good, target: { ...good.target, selector: [{ type: 'TextPositionSelector', start: -1, end: 5 }] } },
      ],
    ];
    for (const [assertion, annotation] of broken) {
      expect(mustFailures('annotations/annotationMusts.test', annotation).map((f) => f.file)).toContain(assertion);
    }
  });

  it('rejects a page whose partOf is neither a URI nor an object with an id', () => {
    const page = exported().first;
    expect(mustFailures('collections/pages/pageMusts.test', { ...page, partOf: 42 })).not.toEqual([]);
  });
});

describe('exportWebAnnotations', () => {
  it('passes every must assertion for each annotation, the collection and its page', () => {
    const collection = exported();
    expect(collection.first.items).toHaveLength(3);
    for (const annotation of collection.first.items)
      expect(mustFailures('annotations/annotationMusts.test', annotation), annotation.id).toEqual([]);
    expect(mustFailures('collections/collectionMusts.test', collection)).toEqual([]);
    expect(mustFailures('collections/pages/pageMusts.test', collection.first)).toEqual([]);
    // The page suite also takes "an Annotation Collection with an embedded Page".
    expect(mustFailures('collections/pages/pageMusts.test', collection)).toEqual([]);
  });

  it('also passes for a highlight with a non-UUID id, no note and no tags', () => {
    const annotation = highlightToAnnotation(makeHighlight({ id: 'legacy id/with:odd chars' }));
    expect(annotation.id).toBe('urn:crisscross:highlight:legacy%20id%2Fwith%3Aodd%20chars');
    expect(annotation).not.toHaveProperty('body');
    expect(annotation.motivation).toBe('highlighting');
    expect(mustFailures('annotations/annotationMusts.test', annotation)).toEqual([]);
  });

  it('writes an empty collection with total 0 and no page, which the model allows', () => {
    const collection = exported({ clips: [], highlights: [], collections: [] });
    expect(collection).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:crisscross:export:2024-05-01T09:30:00.000Z',
      type: 'AnnotationCollection',
      label: 'Crisscross highlights',
      total: 0,
    });
    expect(mustFailures('collections/collectionMusts.test', collection)).toEqual([]);
  });

  it('embeds the collection in the page’s partOf and numbers the page from 0', () => {
    const collection = exported(makeBundle(), { label: 'My "reading"', collectionId: 'https://example.org/c/1' });
    expect(collection.first.partOf).toEqual({
      id: 'https://example.org/c/1',
      type: 'AnnotationCollection',
      label: 'My "reading"',
      total: 3,
    });
    expect(collection.first.startIndex).toBe(0);
    expect(collection.total).toBe(3);
  });

  it('puts the note in a commenting body and each tag in a tagging body', () => {
    const annotation = annotationOf(HL_ID_NOTE);
    expect(annotation.motivation).toBe('commenting');
    expect(annotation.body).toEqual([
      { type: 'TextualBody', value: 'She said "fast", then: wait,\nsecond line 🎉', format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: 'customer service', purpose: 'tagging' },
      { type: 'TextualBody', value: 'speed', purpose: 'tagging' },
    ]);
    expect(annotation.created).toBe('2024-04-20T08:03:00.000Z');
    expect(annotation.modified).toBe('2024-04-20T08:04:00.000Z');
    expect(annotation.target.source).toBe('https://dots.example/posts/fast-response.html');
    expect(annotation.target.styleClass).toBe('crisscross-blue');
  });

  it('counts TextPositionSelector offsets in code points: an emoji in the quote counts once', () => {
    const [quote, position, range] = annotationOf(HL_ID_EMOJI).target.selector;
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'Party 🎉 time', prefix: 'Not a heading\n\n', suffix: ' is *now*' });
    // Stored: 17..30 in UTF-16 ("🎉" is two code units); the quote is 12 code points.
    expect(position).toEqual({ type: 'TextPositionSelector', start: 17, end: 29 });
    expect(range).toEqual({
      type: 'RangeSelector',
      startSelector: {
        type: 'XPathSelector',
        value: '/html[1]/body[1]/main[1]/article[1]/p[2]',
        refinedBy: { type: 'TextPositionSelector', start: 0, end: 0 },
      },
      endSelector: {
        type: 'XPathSelector',
        value: '/html[1]/body[1]/main[1]/article[1]/p[2]',
        refinedBy: { type: 'TextPositionSelector', start: 12, end: 12 },
      },
    });
  });
});

describe('parseWebAnnotations', () => {
  it('reads our own export back into the same highlights, grouped into one clip per page', () => {
    const bundle = makeBundle();
    const result = parseWebAnnotations(exportWebAnnotations(bundle, META).data as string, { newId: ids(), now: 0 });
    if (!result.ok) throw result.error;
    const { clips, highlights } = result.value.bundle;
    expect(clips.map((c) => c.url).sort()).toEqual(['https://dots.example/posts/fast-response.html', 'https://example.org/a?b=1&c=2']);
    for (const original of bundle.highlights) {
      const back = highlights.find((h) => h.id === original.id)!;
      expect(back, original.id).toBeDefined();
      const { clipId: _c, pageTitle: _t, ...rest } = back;
      const { clipId: _oc, pageTitle: _ot, ...expected } = original;
      expect(rest).toEqual(expected);
      expect(clips.find((c) => c.id === back.clipId)?.canonicalUrl).toBe(back.pageUrl);
    }
    expect(result.value.warnings).toEqual([]);
  });

  it('titles the clip with the collection label when the file covers one page, else with its address', () => {
    const oneClip = makeBundle();
    oneClip.highlights = oneClip.highlights.filter((h) => h.clipId === CLIP_ID_TRICKY);
    const single = parseWebAnnotations(exportWebAnnotations(oneClip, { ...META, label: 'Party notes' }).data as string);
    expect(single.ok && single.value.bundle.clips.map((c) => c.title)).toEqual(['Party notes']);
    const several = parseWebAnnotations(exportWebAnnotations(makeBundle(), META).data as string);
    expect(several.ok && several.value.bundle.clips.every((c) => c.title === c.url)).toBe(true);
  });

  it('reads a single annotation, an array, a page and a collection with next pages', () => {
    const annotation = annotationOf(HL_ID_NOTE);
    const page = { type: 'AnnotationPage', items: [annotation] };
    const collection = {
      type: 'AnnotationCollection',
      first: { type: 'AnnotationPage', items: [annotation], next: { type: 'AnnotationPage', items: [annotationOf(HL_ID_EMOJI)] } },
    };
    for (const [data, count] of [
      [annotation, 1],
      [[annotation], 1],
      [page, 1],
      [collection, 2],
    ] as const) {
      const result = parseWebAnnotations(JSON.stringify(data));
      expect(result.ok && result.value.bundle.highlights.length).toBe(count);
    }
  });

  it('says when a collection continues in pages that are not in the file', () => {
    const collection = {
      type: 'AnnotationCollection',
      first: { type: 'AnnotationPage', items: [annotationOf(HL_ID_NOTE)], next: 'https://example.org/page2' },
    };
    const result = parseWebAnnotations(JSON.stringify(collection));
    expect(result.ok && result.value.warnings).toEqual([
      'first.next: the collection continues in pages that are not in the file; only the annotations in the file were read.',
    ]);
  });

  it('reads annotations made elsewhere: a quote only, or a quote refining a fragment', () => {
    const result = parseWebAnnotations(
      JSON.stringify([readFixture('tools/samples/correct/anno26.json'), readFixture('tools/samples/correct/anno32.json')]),
      {
        newId: ids(),
        now: 1_000,
      },
    );
    if (!result.ok) throw result.error;
    const [first, second] = result.value.bundle.highlights;
    expect(first!.id).toBe('new-1'); // an id from elsewhere is not ours to keep
    expect(first!.selectors.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'anotation',
      prefix: 'this is an ',
      suffix: ' that has some',
    });
    // No position: {0, 0} never matches text, so anchoring goes to the quote; the range is the same span from the root.
    expect(first!.selectors.position).toEqual({ type: 'TextPositionSelector', start: 0, end: 0 });
    expect(first!.selectors.range).toEqual({
      type: 'RangeSelector',
      startSelector: { type: 'XPathSelector', value: '/' },
      startOffset: 0,
      endSelector: { type: 'XPathSelector', value: '/' },
      endOffset: 0,
    });
    expect(first!.color).toBe('yellow');
    expect(first!.createdAt).toBe(1_000);
    expect(second!.selectors.quote.exact).toBe('Selected Text');
    // Their bodies are links to comments elsewhere, which a highlight cannot hold.
    expect(result.value.warnings).toEqual(['2 annotation bodies were not text (links, images or over-long tags) and not kept.']);
  });

  it('reads a Hypothesis-style RangeSelector and a plain bodyValue note', () => {
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://hypothes.is/a/abc',
      type: 'Annotation',
      bodyValue: 'A thought',
      target: {
        source: 'https://example.com/post',
        selector: [
          { type: 'RangeSelector', startContainer: '/div[1]/p[3]', startOffset: 4, endContainer: '/div[1]/p[3]', endOffset: 9 },
          { type: 'TextPositionSelector', start: 100, end: 105 },
          { type: 'TextQuoteSelector', exact: 'quote' },
        ],
      },
    };
    const result = parseWebAnnotations(JSON.stringify(annotation));
    if (!result.ok) throw result.error;
    const [highlight] = result.value.bundle.highlights;
    expect(highlight!.note).toBe('A thought');
    expect(highlight!.selectors.range).toEqual({
      type: 'RangeSelector',
      startSelector: { type: 'XPathSelector', value: '/div[1]/p[3]' },
      startOffset: 4,
      endSelector: { type: 'XPathSelector', value: '/div[1]/p[3]' },
      endOffset: 9,
    });
    expect(highlight!.selectors.position).toEqual({ type: 'TextPositionSelector', start: 100, end: 105 });
  });

  it('leaves out annotations it cannot use, saying where and why', () => {
    const good = annotationOf(HL_ID_NOTE);
    const data = [
      good,
      { ...good, id: 'urn:x:1', target: 'https://example.com/whole-page' },
      { ...good, id: 'urn:x:2', target: { ...good.target, source: 'javascript:alert(1)' } },
      { type: 'Note' },
    ];
    const result = parseWebAnnotations(JSON.stringify(data));
    if (!result.ok) throw result.error;
    expect(result.value.bundle.highlights).toHaveLength(1);
    expect(result.value.warnings).toEqual([
      '[1]: no target with a TextQuoteSelector, so there is no text to highlight (left out)',
      '[2]: its page address is not a web or file page (javascript:alert(1)) (left out)',
      '[3]: not an Annotation (left out)',
    ]);
  });

  it('gives a clear error for files that hold no usable annotations', () => {
    const cases: [string, string, RegExp][] = [
      ['{"type": "Annotation",', 'not-json', /^The file is not valid JSON at line 1, column 23: the file ends too early\.$/],
      ['<html><body>hi</body></html>', 'html-not-json', /This file is HTML/],
      [
        '{"format": "crisscross", "version": 1}',
        'wrong-format',
        /not a Web Annotation file.*It is a Crisscross export: import it as one\./,
      ],
      ['"just a string"', 'wrong-format', /expected an object or an array of annotations/],
      [
        '{"type": "AnnotationCollection", "total": 3, "first": "https://example.org/page1"}',
        'no-annotations',
        /^first: this collection's annotations are in a separate page \(https:\/\/example\.org\/page1\)/,
      ],
      ['[]', 'no-annotations', /holds no annotations/],
      [
        '[{"type": "Annotation", "target": "https://example.com"}]',
        'no-annotations',
        /^None of the 1 annotations could be imported\. \[0\]: no target with a TextQuoteSelector/,
      ],
    ];
    for (const [text, code, message] of cases) {
      const result = parseWebAnnotations(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) {
        expect(result.error.code, text).toBe(code);
        expect(result.error.message, text).toMatch(message);
      }
    }
  });

  it('gives highlights with a repeated id fresh ids, so none overwrites another', () => {
    const annotation = annotationOf(HL_ID_NOTE);
    const result = parseWebAnnotations(JSON.stringify([annotation, annotation]), { newId: ids() });
    expect(result.ok && result.value.bundle.highlights.map((h) => h.id)).toEqual([HL_ID_NOTE, 'new-1']);
  });
});
