import { describe, expect, it, vi } from 'vitest';
import { normalizeUrl, restrictedPageReason } from '../../src/core/url';

describe('normalizeUrl', () => {
  it('drops the fragment and tracking parameters, keeps the rest', () => {
    expect(normalizeUrl('https://Example.org:443/a/b?id=3&utm_source=x&fbclid=y#part')).toBe('https://example.org/a/b?id=3');
  });
  it('drops tracking parameters where query iterators are not iterable, as in a Firefox content script', () => {
    const keys = vi.spyOn(URLSearchParams.prototype, 'keys').mockImplementation(() => ({}) as URLSearchParamsIterator<string>);
    try {
      expect(normalizeUrl('https://example.org/a?utm_medium=x&id=3&gclid=z')).toBe('https://example.org/a?id=3');
    } finally {
      keys.mockRestore();
    }
  });
  it('resolves relative canonical links against the page', () => {
    expect(normalizeUrl('/posts/x.html', 'http://127.0.0.1:8080/posts/y.html')).toBe('http://127.0.0.1:8080/posts/x.html');
  });
  it('refuses what is not a web or file address', () => {
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeUrl('not a url')).toBeNull();
  });
});

describe('restrictedPageReason', () => {
  const access = { fileAccessAllowed: false };
  it('allows ordinary web pages', () => {
    expect(restrictedPageReason('https://example.org/post', access)).toBeNull();
  });
  it.each([
    ['chrome://settings/', /browser page/],
    ['about:addons', /browser page/],
    ['chrome-extension://abc/popup.html', /browser page/],
    ['https://chromewebstore.google.com/detail/x', /Extension stores/],
    ['https://chrome.google.com/webstore/detail/x', /Extension stores/],
    ['https://addons.mozilla.org/en-US/firefox/', /Extension stores/],
    ['https://example.org/report.pdf', /PDF/],
    ['file:///home/me/notes.html', /Allow access to file URLs/],
    [undefined, /browser page/],
  ])('%s gets a clear reason', (url, reason) => {
    expect(restrictedPageReason(url, access)).toMatch(reason);
  });
  it('allows file pages once the user allowed file access', () => {
    expect(restrictedPageReason('file:///home/me/notes.html', { fileAccessAllowed: true })).toBeNull();
  });
});
