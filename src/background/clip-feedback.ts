// Shows the outcome of a clip on the toolbar button, where it is seen even when the popup is closed.
import type { Browser } from '../platform/browser';

const BADGE_MS = 4_000;

export type ClipFeedback = { kind: 'saved' | 'updated'; title: string } | { kind: 'failed'; reason: string };

export async function showClipFeedback(browser: Browser, tabId: number, feedback: ClipFeedback): Promise<void> {
  const failed = feedback.kind === 'failed';
  const title = failed
    ? `Crisscross: not clipped. ${feedback.reason}`
    : `Crisscross: ${feedback.kind === 'saved' ? 'saved' : 'updated'} “${feedback.title}”`;
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: failed ? '#b3261e' : '#1b7f4b' });
    await browser.action.setBadgeText({ tabId, text: failed ? '!' : '✓' });
    await browser.action.setTitle({ tabId, title });
    setTimeout(() => {
      // The tab may be gone by then; nothing to clear in that case.
      browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
      browser.action.setTitle({ tabId, title: 'Crisscross' }).catch(() => undefined);
    }, BADGE_MS);
  } catch {
    // The tab was closed while clipping: there is nowhere to show feedback.
  }
}
