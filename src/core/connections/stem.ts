// A light English plural stemmer, so "customers" and "customer" count as one term.

/** Plural-looking words the stemmer must leave alone ("news" is not the plural of "new"). */
const EXCEPTIONS: ReadonlySet<string> = new Set(['news', 'series', 'species', 'always', 'perhaps', 'whereas', 'besides', 'ethics']);

/**
 * A light plural stemmer (after Harman's S-stemmer): "customers" and "customer", "companies" and
 * "company" meet; nothing else is touched, so terms stay readable words. Consistency is what matters:
 * the same rule runs on every side.
 */
export function stemWord(word: string): string {
  if (word.length <= 3 || !word.endsWith('s') || EXCEPTIONS.has(word)) return word;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}
