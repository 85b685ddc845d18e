// Asks the browser once, on the library's first open, to keep the library when disk space runs low.
// navigator.storage.persist() only works from an extension page, and the library is the first one a
// new user sees; Settings keeps a button to ask again.

/** What the first open did: asked now (granted or not), or nothing because it was persistent or asked before. */
export type PersistenceAsk = 'granted' | 'denied' | 'already-persistent' | 'asked-before';

export interface PersistenceDeps {
  storage: Pick<StorageManager, 'persist' | 'persisted'>;
  wasAsked: () => Promise<boolean>;
  markAsked: () => Promise<void>;
}

export async function askPersistenceOnce({ storage, wasAsked, markAsked }: PersistenceDeps): Promise<PersistenceAsk> {
  if (await storage.persisted()) return 'already-persistent';
  if (await wasAsked()) return 'asked-before';
  // Marked first: if the page closes during a prompt, the user is not asked again on every open.
  await markAsked();
  return (await storage.persist()) ? 'granted' : 'denied';
}

/** The sentence shown after asking, in the words Settings uses; nothing when nothing was asked. */
export function persistenceMessage(outcome: PersistenceAsk): string {
  if (outcome === 'granted')
    return 'Crisscross asked your browser to keep your library even when the disk runs low, and it agreed: it will not clear your library to free space.';
  if (outcome === 'denied')
    return 'Crisscross asked your browser to keep your library when the disk runs low, but it did not agree this time. You can ask again in Settings, under Storage.';
  return '';
}
