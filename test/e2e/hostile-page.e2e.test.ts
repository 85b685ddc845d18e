// A hostile page tries to reach Crisscross's data: messages, events, our injected UI, spoofed runtime
// messages. It must get nothing. The extension itself must make no network request of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlogServer, type BlogServer } from './blog-server';
import { launchExtension, type ExtensionSession } from './extension';
import { clickControl, drawnHighlights, isControlVisible, selectPhrase } from './page-ui';

const SECRET_NOTE = 'private thought 7f3a';
const POST = 'posts/fast-response-is-the-new-normal-in-customer-service.html';

const hostilePage = (extensionId: string) => `<!doctype html><html><head><title>Innocent article</title></head><body>
<article><h1>Innocent article</h1><p>${'This page looks like an ordinary article about gardening and tomatoes. '.repeat(6)}</p>
<p>Curators highlight this sentence about tomatoes and compost.</p></article>
<script>
  window.findings = [];
  window.addEventListener('message', (event) => findings.push('message:' + JSON.stringify(event.data)));
  const spoof = { channel: 'crisscross', type: 'listRecentClips', payload: { limit: 50 } };
  try {
    chrome.runtime.sendMessage('${extensionId}', spoof, (reply) => findings.push('runtime:' + JSON.stringify(reply)));
  } catch (error) {
    findings.push('runtime-unavailable');
  }
  window.postMessage({ channel: 'crisscross', type: 'capturePage', payload: {} }, '*');
  document.dispatchEvent(new CustomEvent('crisscross', { detail: spoof }));
  window.probe = () => {
    const host = document.querySelector('crisscross-ui');
    return {
      hostFound: Boolean(host),
      shadowRoot: host ? host.shadowRoot : 'no host',
      bodyText: document.body.innerText,
      html: document.documentElement.outerHTML,
      storageKeys: Object.keys(localStorage),
      findings,
    };
  };
</script></body></html>`;

describe('a hostile page', () => {
  let blog: BlogServer;
  let session: ExtensionSession;
  const requests: string[] = [];

  beforeAll(async () => {
    // Lets Playwright report the service worker's own requests too.
    process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
    blog = await startBlogServer();
    session = await launchExtension();
    session.context.on('request', (request) => requests.push(request.url()));
    blog.override('hostile.html', hostilePage(session.extensionId));
  });
  afterAll(async () => {
    await session?.close();
    await blog?.close();
  });

  it('gets none of the saved data, even while the user highlights and writes a note on it', async () => {
    // Something worth stealing: a clip saved from another site.
    const post = await session.context.newPage();
    await post.goto(blog.url(POST));
    const popup = await session.openPopup(await session.tabIdOf(post));
    await popup.getByRole('button', { name: 'Clip page' }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toContain('Saved');

    const page = await session.context.newPage();
    await page.goto(blog.url('hostile.html'));
    await selectPhrase(page, 'Curators highlight this sentence about tomatoes');
    await clickControl(page, 'Highlight with note');
    await expect.poll(() => isControlVisible(page, 'Note')).toBe(true);
    await page.keyboard.type(SECRET_NOTE);
    await clickControl(page, 'Save note');
    await expect
      .poll(async () => (await drawnHighlights(page))['crisscross-yellow'])
      .toEqual(['Curators highlight this sentence about tomatoes']);
    await page.waitForTimeout(300);

    const seen = await page.evaluate(() => (window as unknown as { probe: () => Record<string, unknown> }).probe());
    expect(seen.hostFound).toBe(true);
    // The closed shadow root keeps our UI (and the note typed in it) out of the page's reach.
    expect(seen.shadowRoot).toBeNull();
    expect(seen.bodyText).not.toContain(SECRET_NOTE);
    expect(seen.html).not.toContain(SECRET_NOTE);
    expect(seen.storageKeys).toEqual([]);
    // Without externally_connectable a page cannot message the extension at all; its own postMessage
    // comes back to itself only, and nothing of ours answers.
    expect(seen.findings).toEqual(['runtime-unavailable', 'message:{"channel":"crisscross","type":"capturePage","payload":{}}']);
    expect(JSON.stringify(seen)).not.toContain('Fast response is the new normal');
  });

  it('saw the extension make no network request of its own', () => {
    const foreign = requests.filter((url) => !url.startsWith(blog.origin) && !url.startsWith(`chrome-extension://${session.extensionId}/`));
    expect(requests.length).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
  });
});
