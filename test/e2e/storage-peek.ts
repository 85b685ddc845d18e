// Reads the extension's own IndexedDB from one of its pages, to check what was really stored.
import type { Page } from 'playwright-core';

export interface StoredClip {
  id: string;
  title: string;
  text: string;
  html: string;
  url: string;
  canonicalUrl: string;
  source: string;
  truncated: { keptChars: number; totalChars: number } | null;
}

/** All clips in the database, read with the raw IndexedDB API from an extension page. */
export async function storedClips(extensionPage: Page): Promise<StoredClip[]> {
  return extensionPage.evaluate(
    () =>
      new Promise<StoredClip[]>((resolve, reject) => {
        const open = indexedDB.open('crisscross');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('clips')) return resolve([]);
          const all = db.transaction('clips').objectStore('clips').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as StoredClip[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
  );
}
