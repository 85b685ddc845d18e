// On the library's first open: asks for persistent storage once and says, in plain words, what happened.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../platform/browser';
import { askPersistenceOnce, persistenceMessage } from '../persistent-storage';

const ASKED_KEY = 'persistenceAsked';

export function PersistenceNotice() {
  const [message, setMessage] = useState('');
  useEffect(() => {
    void askPersistenceOnce({
      storage: navigator.storage,
      wasAsked: async () => Boolean((await browser.storage.local.get(ASKED_KEY))[ASKED_KEY]),
      markAsked: () => browser.storage.local.set({ [ASKED_KEY]: true }),
    }).then((outcome) => setMessage(persistenceMessage(outcome)));
  }, []);
  if (!message) return null;
  return (
    <p class="notice" role="status">
      {message}{' '}
      <button type="button" onClick={() => setMessage('')}>
        Dismiss
      </button>
    </p>
  );
}
