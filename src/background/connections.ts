// Connection requests: related items for the page in a tab (saved or not), each explained by the
// terms both sides share and a sentence from each; confirming and dismissing connections.
import type { Browser } from '../platform/browser';
import { siteTopic, topicsOf, type Connection, type ExplainInput, type Explanation, type PageSource } from '../core/connections';
import type { Clip } from '../core/page-capture';
import { normalizeUrl } from '../core/url';
import type { ConnectionView, TabConnections } from '../messaging/protocol';
import { RequestError } from '../messaging/result';
import { findClipByUrls } from '../storage/clip-store';
import type { CrisscrossDb } from '../storage/db';
import type { ConnectionService } from './connection-service';
import { tabRestriction } from './page-access';
import { captureTab } from './tab-capture';

const SHOWN = 5;

export function createConnectionHandlers(browser: Browser, db: CrisscrossDb, connections: ConnectionService) {
  /** The source of connections: the saved clip of the tab's page, or the page as captured now. */
  async function sourceOf(tabId: number): Promise<{ key: string | null; input: ExplainInput & PageSource; topics: string[] }> {
    const tab = await browser.tabs.get(tabId).catch(() => {
      throw new RequestError('That tab is no longer open.', 'not-found');
    });
    const reason = await tabRestriction(browser, tab.url);
    if (reason) throw new RequestError(reason, 'restricted-page');
    const clip = await findClipByUrls(db, [normalizeUrl(tab.url!) ?? tab.url!]);
    if (clip) {
      // The text as indexed (highlights and notes included), so the explanation's score is related()'s.
      const [item] = await connections.itemsOf([clip]);
      return {
        key: item!.id,
        input: { id: item!.id, title: item!.title, text: item!.text, topics: item!.topics },
        topics: [...item!.topics],
      };
    }
    const capture = await captureTab(browser, tabId);
    const topics = capture.tags.length ? capture.tags : [siteTopic(capture)];
    return { key: null, input: { page: capture.canonicalUrl, title: capture.title, text: capture.text, topics }, topics };
  }

  async function views(found: Connection[], explain: (target: ExplainInput) => Explanation) {
    const clips = await db.clips.bulkGet(found.map((connection) => connection.id.slice(2)));
    const items = new Map(
      (await connections.itemsOf(clips.filter((clip): clip is Clip => clip !== undefined))).map((item) => [item.id, item]),
    );
    const result: ConnectionView[] = [];
    found.forEach((connection, i) => {
      const clip = clips[i] as Clip | undefined;
      const item = items.get(connection.id);
      if (!clip || !item) return;
      const explanation = explain({ id: item.id, title: item.title, text: item.text, topics: item.topics });
      result.push({
        key: connection.id,
        clipId: clip.id,
        title: clip.title,
        url: clip.url,
        siteName: clip.siteName,
        topics: topicsOf(clip),
        strength: connection.strength,
        score: connection.score,
        terms: connection.terms.map((term) => term.label),
        confirmed: connection.confirmed,
        sourcePassage: explanation.source && { text: explanation.source.text, marks: explanation.source.marks },
        targetPassage: explanation.target && { text: explanation.target.text, marks: explanation.target.marks },
      });
    });
    return result;
  }

  return {
    async getTabConnections({ tabId }: { tabId: number }): Promise<TabConnections> {
      const [source, index, feedback] = await Promise.all([sourceOf(tabId), connections.ready(), connections.feedback()]);
      const related = index.related(source.key ?? source.input, { limit: SHOWN, ...feedback });
      const explain = (target: ExplainInput) => index.explain(source.input, target);
      return {
        sourceKey: source.key,
        sourceTopics: source.topics,
        connections: await views(related.connections, explain),
        sameTopic: await views(related.sameTopic, explain),
      };
    },

    async setConnectionFeedback({
      source,
      target,
      status,
      note,
      terms,
    }: {
      source: string;
      target: string;
      status: 'confirmed' | 'dismissed';
      note: string;
      terms: string[];
    }) {
      await db.links.put({ pair: connections.pairKey(source, target), a: source, b: target, status, note, terms, createdAt: Date.now() });
      return { saved: true as const };
    },
  };
}
