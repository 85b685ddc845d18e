// Size limits for capturing a page: large enough for any real article, small enough that
// a 10 MB page never freezes the tab, the message channel or the database.

/** Text kept from one page; the rest is dropped and the user is told. About 150,000 words. */
export const MAX_TEXT_CHARS = 1_000_000;

/** Sanitized HTML kept; above this the clip keeps its text only (rendered from text). */
export const MAX_HTML_CHARS = 2_000_000;

/** Above this many elements or characters the article extractor would block the page for seconds,
 *  so the readable body text is taken instead with a bounded walk. */
export const MAX_ELEMENTS_FOR_ARTICLE = 20_000;
export const MAX_CHARS_FOR_ARTICLE = 3_000_000;
/** Readability's work grows with the square of nesting depth (a 800-deep page took minutes in the
 *  fuzz test); real articles nest a few dozen deep, so deeper pages take the body-text walk. */
export const MAX_DEPTH_FOR_ARTICLE = 100;

/** Limits on metadata fields a page controls. */
export const MAX_TITLE_CHARS = 500;
export const MAX_META_CHARS = 300;
export const MAX_EXCERPT_CHARS = 400;
export const MAX_TAGS = 50;
export const MAX_ALIASES = 20;
