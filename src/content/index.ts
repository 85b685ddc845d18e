// The content script: runs in web pages, captures what the background asks for and shows highlights.
// It never touches storage: in a page, IndexedDB would be the web site's, readable by the site.
import { browser, type Runtime } from '../platform/browser';
import { capturePage } from '../core/extract/capture-page';
import { createSanitizer } from '../core/extract/sanitize';
import { sendRequest } from '../messaging/client';
import type { ContentRequests, Envelope } from '../messaging/protocol';
import { err, ok, type Result } from '../messaging/result';
import { createHighlighter } from './highlighter';

// The background injects this script into tabs that predate the extension; never run twice.
const LOADED = Symbol.for('crisscross.content');
const scope = globalThis as unknown as Record<symbol, boolean>;

if (!scope[LOADED]) {
  scope[LOADED] = true;
  const highlighter = createHighlighter(document, sendRequest);

  const handle = async (message: Envelope<ContentRequests>): Promise<Result<unknown>> => {
    switch (message.type) {
      case 'capturePage':
        return ok(
          capturePage({ document, location: location.href, selectionText: getSelection()?.toString(), sanitize: createSanitizer(window) }),
        );
      case 'reportAnchors':
        return ok(highlighter.anchors());
      case 'describeSelection':
        return ok(highlighter.describeSelection());
      case 'refreshHighlights':
        return ok({ drawn: await highlighter.load() });
      case 'highlightSelection':
        return ok({ saved: await highlighter.highlightSelection((message.payload as { withNote: boolean }).withNote) });
      default:
        return err(`Unknown request "${String(message.type)}"`);
    }
  };

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    // Only our own background may ask; the channel marker keeps other extensions' messages apart.
    if (sender.id !== browser.runtime.id || (message as Envelope<ContentRequests>)?.channel !== 'crisscross') return undefined;
    return handle(message as Envelope<ContentRequests>).catch((error: Error) => err(error.message ?? String(error)));
  });

  void highlighter.load();
}
