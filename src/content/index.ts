// The content script: runs in web pages, captures what the background asks for, never touches storage.
import { browser, type Runtime } from '../platform/browser';
import { capturePage } from '../core/extract/capture-page';
import { createSanitizer } from '../core/extract/sanitize';
import type { ContentRequests, Envelope } from '../messaging/protocol';
import { err, ok, type Result } from '../messaging/result';

// The background injects this script into tabs that predate the extension; never listen twice.
const LOADED = Symbol.for('crisscross.content');
const scope = globalThis as unknown as Record<symbol, boolean>;

function handle(message: Envelope<ContentRequests>): Result<unknown> {
  switch (message.type) {
    case 'capturePage': {
      const sanitize = createSanitizer(window);
      return ok(capturePage({ document, location: location.href, selectionText: getSelection()?.toString(), sanitize }));
    }
  }
}

if (!scope[LOADED]) {
  scope[LOADED] = true;
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    // Only our own background may ask; the channel marker keeps other extensions' messages apart.
    if (sender.id !== browser.runtime.id || (message as Envelope<ContentRequests>)?.channel !== 'crisscross') return undefined;
    try {
      return Promise.resolve(handle(message as Envelope<ContentRequests>));
    } catch (error) {
      return Promise.resolve(err((error as Error).message ?? String(error)));
    }
  });
}
