// Links that open a page scrolled to a passage, with the browser's own text fragments (#:~:text=).

/** Characters with a meaning inside a text directive must be percent-encoded (the spec names - , &). */
function encodeDirectivePart(text: string): string {
  return encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

const WORDS_AT_EACH_END = 4;

/** The page address with a text fragment for `quote`: long quotes are given by their first and last words. */
export function urlWithTextFragment(url: string, quote: string): string {
  const words = quote.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (words.length === 0) return url;
  const base = url.split('#')[0]!;
  const directive =
    words.length <= WORDS_AT_EACH_END * 2
      ? encodeDirectivePart(words.join(' '))
      : `${encodeDirectivePart(words.slice(0, WORDS_AT_EACH_END).join(' '))},${encodeDirectivePart(words.slice(-WORDS_AT_EACH_END).join(' '))}`;
  return `${base}#:~:text=${directive}`;
}
