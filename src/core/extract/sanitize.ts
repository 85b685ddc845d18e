// Sanitizes article HTML before it is stored: what an extension page later shows can run nothing.
import createDOMPurify from 'dompurify';

/** Tags that are never part of a readable article and could act on their own. */
const FORBIDDEN_TAGS = [
  'style',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'iframe',
  'frame',
  'object',
  'embed',
  'link',
  'meta',
  'base',
];

/** Media that loads from the web: left out where the user has not allowed remote requests. */
const REMOTE_MEDIA_TAGS = ['img', 'picture', 'source', 'video', 'audio', 'track'];

/** Builds a sanitizer bound to a window (the page's in a content script, jsdom's in tests). */
export function createSanitizer(window: Window, { images = true }: { images?: boolean } = {}): (html: string) => string {
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  // An unsupported DOM makes DOMPurify return its input unchanged: refuse rather than store raw HTML.
  if (!purify.isSupported) throw new Error('HTML sanitizer is not supported in this environment');
  return (html) =>
    purify.sanitize(html, {
      FORBID_TAGS: images ? FORBIDDEN_TAGS : [...FORBIDDEN_TAGS, ...REMOTE_MEDIA_TAGS],
      FORBID_ATTR: ['style', 'srcset', 'ping', 'formaction'],
      ALLOW_DATA_ATTR: false,
      // Only plain links and images survive; javascript: and data: URLs in href are removed by DOMPurify's URI check.
      ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
    }) as unknown as string;
}
