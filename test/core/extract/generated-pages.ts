// Seeded generators of odd and hostile HTML for the extraction fuzz test: the same seed gives the same
// pages, so a failure can be reproduced from the seed in its test name.
import { mulberry32 } from '../../../bench/prng';

const WORDS = {
  latin: ['river', 'heron', 'upstream', 'customer', 'service', 'innovation', 'ledger', 'quiet', 'harbour', 'signal'],
  arabic: ['النهر', 'مالك', 'الحزين', 'خدمة', 'العملاء', 'ابتكار'],
  hebrew: ['נהר', 'אנפה', 'שירות', 'לקוחות', 'חדשנות'],
  cjk: ['河流', '苍鹭', '客户服务', '创新', '東京', 'ひらがな'],
  emoji: ['🦩', '👩🏽‍💻', '🏳️‍🌈', '🇯🇵', '❤️‍🔥', '🧑‍🤝‍🧑'],
  odd: ['\u200b', '\u200d', '\u202e', '\ufeff', '\u0301', 'e\u0301', '\ud800', '&amp;', '&#0;', '&nosuch;', '<', '>'],
};

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

export function sentence(random: Random, words = 12): string {
  const scripts = Object.values(WORDS);
  return Array.from({ length: words }, () => pick(random, pick(random, scripts))).join(' ');
}

/** One fragment of odd markup; `depth` bounds recursion in the generator itself. */
function fragment(random: Random, depth: number): string {
  const text = () => sentence(random, 3 + Math.floor(random() * 20));
  const inner = () => (depth > 0 ? fragment(random, depth - 1) : text());
  const makers: (() => string)[] = [
    () => `<p>${text()}</p>`,
    () => `<p dir="rtl" lang="ar">${sentence(random, 15)}</p>`,
    () => `<div>${inner()}${inner()}</div>`,
    () => `<article><h2>${text()}</h2>${inner()}</article>`,
    () => `<iframe srcdoc="<p>${text()}</p>"></iframe><iframe src="javascript:alert(1)"></iframe>`,
    () => `<div><template shadowrootmode="open"><slot></slot><p>${text()}</p></template>${inner()}</div>`,
    () => `<svg viewBox="0 0 10 10"><text x="1" y="5">${text()}</text><foreignObject><p>${text()}</p></foreignObject></svg>`,
    () => `<math><mrow><mi>x</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></mrow></math>`,
    () => `<table><tr><td>${inner()}<td>${text()}</table>`,
    () => `<ul><li>${text()}<li>${inner()}</ul>`,
    () => `<pre>${text()}\n\t${text()}</pre>`,
    () => `<p>${text()}`, // unclosed
    () => `</div></span><b><i>${text()}</b></i>`, // misnested and stray end tags
    () => `<p <<>> "${text()}</p>`, // broken attributes
    () => `<!-- ${text()} --!><![CDATA[${text()}]]>`,
    () => `<script>while(true){}</script><style>p{display:none}</style><noscript>${text()}</noscript>`,
    () => `<img src=x onerror=alert(1) alt="${text()}"><a href="javascript:alert(1)">${text()}</a>`,
    () => `<details><summary>${text()}</summary>${inner()}</details>`,
    () => `<span style="display:none">${text()}</span><div hidden>${text()}</div>`,
    () => `<bdo dir="rtl">${text()}</bdo><ruby>漢<rt>かん</rt></ruby>`,
  ];
  return pick(random, makers)();
}

/** A page of random odd markup, sometimes without html/head/body, sometimes with odd metadata. */
export function randomPage(seed: number): string {
  const random = mulberry32(seed);
  const body = Array.from({ length: 3 + Math.floor(random() * 20) }, () => fragment(random, 3)).join('\n');
  const head =
    random() < 0.5
      ? `<head><meta charset="utf-8"><title>${sentence(random, 6)}</title><meta property="og:title" content="${sentence(random, 4)}">` +
        `<meta name="author" content="${sentence(random, 2)}"><meta property="article:published_time" content="${pick(random, ['2024-02-30', 'yesterday', '1999-12-31T23:59:59Z', ''])}">` +
        `<link rel="canonical" href="${pick(random, ['javascript:alert(1)', '//evil.example/x', 'http://dots.example/a b', 'not a url', ''])}"></head>`
      : '';
  return random() < 0.2 ? body : `<!doctype html><html dir="${pick(random, ['ltr', 'rtl', 'auto'])}">${head}<body>${body}</body></html>`;
}

/** Elements nested `depth` deep (browsers cap tree depth in parsing; scripts can go deeper). */
export function deeplyNested(depth: number): string {
  return `<!doctype html><title>Deep</title><body>${'<div>'.repeat(depth)}<p>${'Deep inside the page. '.repeat(20)}</p>${'</div>'.repeat(depth)}</body>`;
}

/** One paragraph of about `megabytes` MB of text, with no element breaks. */
export function hugeText(megabytes: number): string {
  const chunk = 'The herons moved upstream before the rain, and the river rose. ';
  return `<!doctype html><title>Huge</title><body><article><h1>Huge</h1><p>${chunk.repeat(Math.ceil((megabytes * 1_048_576) / chunk.length))}</p></article></body>`;
}

/** Many small elements: a wide tree rather than a deep one. */
export function manyElements(count: number): string {
  return `<!doctype html><title>Wide</title><body>${'<span>word </span>'.repeat(count)}</body>`;
}
