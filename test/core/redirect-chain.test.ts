import { describe, expect, it } from 'vitest';
import { addRedirect, MAX_REDIRECT_SOURCES, redirectSourcesFor } from '../../src/core/redirect-chain';

const OLD = 'http://blog.example/2011/07/fast-response';
const SHORT = 'http://blog.example/?p=42';
const POST = 'https://blog.example/posts/fast-response.html';

describe('redirect chains', () => {
  it('collects every address of one navigation that redirected, first one first', () => {
    const first = addRedirect(null, { requestId: '1', url: SHORT, redirectUrl: OLD });
    const chain = addRedirect(first, { requestId: '1', url: OLD, redirectUrl: POST });
    expect(chain).toEqual({ requestId: '1', sources: [SHORT, OLD], target: POST });
    expect(redirectSourcesFor(chain, POST)).toEqual([SHORT, OLD]);
  });

  it('starts again for a new navigation in the same tab', () => {
    const earlier = addRedirect(null, { requestId: '1', url: SHORT, redirectUrl: POST });
    const chain = addRedirect(earlier, { requestId: '2', url: OLD, redirectUrl: POST });
    expect(chain?.sources).toEqual([OLD]);
  });

  it('gives nothing for a page the redirects did not lead to (the user navigated on)', () => {
    const chain = addRedirect(null, { requestId: '1', url: OLD, redirectUrl: POST });
    expect(redirectSourcesFor(chain, 'https://blog.example/about.html')).toEqual([]);
    expect(redirectSourcesFor(null, POST)).toEqual([]);
  });

  it('compares normalised addresses: fragments and tracking parameters do not matter', () => {
    const chain = addRedirect(null, { requestId: '1', url: `${OLD}?utm_source=feed#top`, redirectUrl: `${POST}?utm_medium=rss` });
    expect(redirectSourcesFor(chain, `${POST}#comments`)).toEqual([OLD]);
  });

  it('never lists the page itself as its own source (redirect loops, http to https and back)', () => {
    const first = addRedirect(null, { requestId: '1', url: POST, redirectUrl: OLD });
    const chain = addRedirect(first, { requestId: '1', url: OLD, redirectUrl: POST });
    expect(chain).toEqual({ requestId: '1', sources: [OLD], target: POST });
  });

  it('keeps nothing when the redirect leads off the web', () => {
    expect(addRedirect(null, { requestId: '1', url: OLD, redirectUrl: 'data:text/html,hi' })).toBeNull();
  });

  it('keeps a bounded number of sources', () => {
    let chain = null;
    for (let i = 0; i < 40; i++) chain = addRedirect(chain, { requestId: '1', url: `${OLD}/${i}`, redirectUrl: POST });
    expect(chain?.sources).toHaveLength(MAX_REDIRECT_SOURCES);
    expect(chain?.sources[0]).toBe(`${OLD}/0`);
  });
});
