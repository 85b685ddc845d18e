// Highlight requests: content scripts save and edit highlights on their own page; the popup lists a
// tab's highlights with their anchoring state, deletes them and re-attaches orphans.
import type { Browser } from '../platform/browser';
import type { Highlight, HighlightChanges, HighlightDraft } from '../core/highlight';
import { withAliases, type Clip } from '../core/page-capture';
import { normalizeUrl } from '../core/url';
import type { ContentRequests, Envelope, TabHighlights } from '../messaging/protocol';
import { RequestError, type Result } from '../messaging/result';
import type { MessageSender } from '../messaging/router';
import { selectorsSchema } from '../core/anchoring/selectors-schema';
import { addClipAliases, findClipOfPage, saveCapture } from '../storage/clip-store';
import type { CrisscrossDb } from '../storage/db';
import { addHighlight, deleteHighlight, listClipHighlights, recordAnchoring, updateHighlight } from '../storage/highlight-store';
import type { LibraryChanges } from './library-changes';
import type { RedirectAliases } from './redirect-aliases';
import { captureTab } from './tab-capture';

/** How long the popup waits for a page to report its anchors before showing the list without them. */
const TAB_ANSWER_MS = 1_500;

export function createHighlightHandlers(browser: Browser, db: CrisscrossDb, changes: LibraryChanges, redirects: RedirectAliases) {
  const senderPageUrl = (sender: MessageSender): string => {
    const url = sender.url && normalizeUrl(sender.url);
    if (!url) throw new RequestError('This page has no address Crisscross can use.', 'invalid-request');
    return url;
  };

  /** The sender page's address and the addresses the browser saw redirect its tab there (a page
   *  cannot claim those: the browser reports them, not the page). */
  async function senderAddresses(sender: MessageSender): Promise<{ url: string; sources: string[] }> {
    const url = senderPageUrl(sender);
    return { url, sources: await redirects.sourcesFor(sender.tab?.id, url) };
  }

  /** The clip of the sender's page, by its own address or the addresses that redirected to it. */
  async function senderClip(sender: MessageSender): Promise<Clip | undefined> {
    const { url, sources } = await senderAddresses(sender);
    return findClipOfPage(db, url, sources);
  }

  /** Refuses a content script's change to a highlight that is not on its own page. */
  async function assertMayChange(id: string, sender: MessageSender): Promise<void> {
    if (isExtensionPage(sender)) return;
    const [highlight, clip] = await Promise.all([db.highlights.get(id), senderClip(sender)]);
    if (!highlight || !clip || highlight.clipId !== clip.id)
      throw new RequestError('That highlight is not on this page.', 'forbidden-sender');
  }

  async function askTab<K extends keyof ContentRequests & string>(
    tabId: number,
    type: K,
    payload: ContentRequests[K]['request'] = {} as ContentRequests[K]['request'],
  ): Promise<Result<ContentRequests[K]['response']> | null> {
    const message = { channel: 'crisscross', type, payload } as Envelope<ContentRequests, K>;
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), TAB_ANSWER_MS));
    const answer = browser.tabs.sendMessage(tabId, message).then(
      (reply) => (reply as Result<ContentRequests[K]['response']> | undefined) ?? null,
      () => null,
    );
    return Promise.race([answer, timeout]);
  }

  /** Tells every tab showing the highlight's page to draw its highlights again (after the popup or
   *  library changed them). Tabs that do not answer in time are left alone. */
  async function notifyPageTabs(clipId: string | undefined, except?: number): Promise<void> {
    const clip = clipId ? await db.clips.get(clipId) : undefined;
    if (!clip) return;
    const tabs = await browser.tabs.query({});
    const showing = tabs.filter(
      (tab) => tab.id !== undefined && tab.id !== except && tab.url && clip.aliases.includes(normalizeUrl(tab.url) ?? ''),
    );
    await Promise.all(showing.map((tab) => askTab(tab.id!, 'refreshHighlights')));
  }

  const isExtensionPage = (sender: MessageSender) => Boolean(sender.url?.startsWith(browser.runtime.getURL('')));

  async function tabClip(tabId: number): Promise<Clip | undefined> {
    const tab = await browser.tabs.get(tabId).catch(() => {
      throw new RequestError('That tab is no longer open.', 'not-found');
    });
    const url = tab.url && normalizeUrl(tab.url);
    return url ? findClipOfPage(db, url, await redirects.sourcesFor(tabId, url)) : undefined;
  }

  return {
    async saveHighlight({ draft }: { draft: HighlightDraft }, sender: MessageSender): Promise<Highlight> {
      const tabId = sender.tab?.id;
      const { url, sources } = await senderAddresses(sender);
      const addresses = [url, ...sources];
      let clip = await findClipOfPage(db, url, sources);
      if (clip) {
        clip = await addClipAliases(db, clip, addresses);
      } else {
        // Every highlight has its page's text for search and connections: clip the page first.
        if (tabId === undefined) throw new RequestError('The page could not be saved.', 'invalid-request');
        const capture = await captureTab(browser, tabId);
        clip = (await saveCapture(db, withAliases(capture, addresses))).clip;
        changes.clipSaved(clip);
      }
      const highlight = await addHighlight(db, clip, draft);
      changes.highlightSaved(highlight, clip);
      return highlight;
    },

    async listPageHighlights(_payload: Record<string, never>, sender: MessageSender): Promise<Highlight[]> {
      const clip = await senderClip(sender);
      if (!clip) return [];
      // Found through an old address that now redirects here: remember the new address too, so a
      // later visit straight to it (and the popup) finds the page.
      await addClipAliases(db, clip, [senderPageUrl(sender)]);
      return listClipHighlights(db, clip.id);
    },

    async updateHighlight({ id, changes: edits }: { id: string; changes: HighlightChanges }, sender: MessageSender): Promise<Highlight> {
      await assertMayChange(id, sender);
      const highlight = await updateHighlight(db, id, edits);
      changes.highlightSaved(highlight, await db.clips.get(highlight.clipId));
      await notifyPageTabs(highlight.clipId, sender.tab?.id);
      return highlight;
    },

    async deleteHighlight({ id }: { id: string }, sender: MessageSender): Promise<{ deleted: true }> {
      await assertMayChange(id, sender);
      const clipId = (await db.highlights.get(id))?.clipId;
      await deleteHighlight(db, id);
      changes.itemRemoved({ type: 'highlight', id });
      await notifyPageTabs(clipId, sender.tab?.id);
      return { deleted: true };
    },

    async getTabHighlights({ tabId }: { tabId: number }): Promise<TabHighlights> {
      const clip = await tabClip(tabId);
      if (!clip) return { highlights: [], anchors: {} };
      const [highlights, anchors] = await Promise.all([listClipHighlights(db, clip.id), askTab(tabId, 'reportAnchors')]);
      // Remembered for the library's "not found on their page" filter.
      if (anchors?.ok) await recordAnchoring(db, clip.id, anchors.value);
      return { highlights, anchors: anchors?.ok ? anchors.value : null };
    },

    async reattachHighlight({ tabId, id }: { tabId: number; id: string }): Promise<Highlight> {
      const answer = await askTab(tabId, 'describeSelection');
      const selectors = answer?.ok ? selectorsSchema.safeParse(answer.value) : null;
      if (!selectors?.success) throw new RequestError('Select the passage on the page first, then choose “Re-attach”.', 'invalid-request');
      const highlight = await updateHighlight(db, id, { selectors: selectors.data });
      changes.highlightSaved(highlight, await db.clips.get(highlight.clipId));
      await notifyPageTabs(highlight.clipId);
      return highlight;
    },

    /** From the context menu or the keyboard: the tab highlights its selection itself. */
    async highlightInTab(tabId: number, withNote: boolean): Promise<void> {
      const answer = await askTab(tabId, 'highlightSelection', { withNote });
      if (!answer?.ok) throw new RequestError('This page cannot be highlighted. Reload it and try again.', 'no-content-script');
    },
  };
}
