// Reads the extension's own IndexedDB from one of its pages, to check what was really stored.
import type { Page } from 'playwright-core';

export interface StoredClip {
  id: string;
  title: string;
  text: string;
  html: string;
  url: string;
  canonicalUrl: string;
  aliases: string[];
  source: string;
  truncated: { keptChars: number; totalChars: number } | null;
}

export interface StoredHighlight {
  id: string;
  clipId: string;
  text: string;
  note: string;
  tags: string[];
}

/** All clips in the database, read with the raw IndexedDB API from an extension page. */
export async function storedClips(extensionPage: Page): Promise<StoredClip[]> {
  return storedRows<StoredClip>(extensionPage, 'clips');
}

/** All highlights in the database. */
export async function storedHighlights(extensionPage: Page): Promise<StoredHighlight[]> {
  return storedRows<StoredHighlight>(extensionPage, 'highlights');
}

interface SearchSnapshotRow {
  tier: string;
  watermark: number;
  json: string;
  transfer?: string;
  parts?: number;
}

/**
 * The search index's committed snapshot, a tier at a time (quick, full) as the worker stored it: the
 * tier's manifest with the text of its parts joined in `json`. Parts of uncommitted transfers are left out.
 */
export async function storedSearchSnapshot(extensionPage: Page): Promise<{ tier: string; watermark: number; json: string }[]> {
  const rows = await storedRows<SearchSnapshotRow>(extensionPage, 'searchSnapshot');
  const byKey = new Map(rows.map((row) => [row.tier, row]));
  return rows
    .filter((row) => row.tier === 'quick' || row.tier === 'full')
    .map(({ tier, watermark, json, transfer, parts }) => ({
      tier,
      watermark,
      json:
        parts === undefined
          ? json
          : Array.from({ length: parts }, (_, i) => byKey.get(`${tier}:${transfer}:${i}`)?.json ?? '<missing part>').join(''),
    }));
}

async function storedRows<T>(extensionPage: Page, store: string): Promise<T[]> {
  return extensionPage.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('crisscross');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) return resolve([]);
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    store,
  );
}
