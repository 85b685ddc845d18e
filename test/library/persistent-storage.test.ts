import { describe, expect, it } from 'vitest';
import { askPersistenceOnce, persistenceMessage } from '../../src/library/persistent-storage';

function fakeBrowserStorage({ persisted = false, grants = true } = {}) {
  const state = { persisted, asked: false, persistCalls: 0 };
  return {
    state,
    deps: {
      storage: {
        persisted: async () => state.persisted,
        persist: async () => {
          state.persistCalls++;
          state.persisted = grants;
          return grants;
        },
      },
      wasAsked: async () => state.asked,
      markAsked: async () => void (state.asked = true),
    },
  };
}

describe('asking for persistent storage on the first open', () => {
  it('asks once: the first open asks, later opens do not', async () => {
    const { state, deps } = fakeBrowserStorage({ grants: false });
    expect(await askPersistenceOnce(deps)).toBe('denied');
    expect(await askPersistenceOnce(deps)).toBe('asked-before');
    expect(state.persistCalls).toBe(1);
  });

  it('reports a grant, and then has nothing more to ask', async () => {
    const { state, deps } = fakeBrowserStorage();
    expect(await askPersistenceOnce(deps)).toBe('granted');
    state.asked = false;
    expect(await askPersistenceOnce(deps)).toBe('already-persistent');
    expect(state.persistCalls).toBe(1);
  });

  it('does not ask when the storage is already persistent', async () => {
    const { state, deps } = fakeBrowserStorage({ persisted: true });
    expect(await askPersistenceOnce(deps)).toBe('already-persistent');
    expect(state.persistCalls).toBe(0);
  });

  it('explains the outcome in plain words, and says nothing when nothing was asked', () => {
    expect(persistenceMessage('granted')).toMatch(/will not clear your library/);
    expect(persistenceMessage('denied')).toMatch(/ask again in Settings/);
    expect(persistenceMessage('asked-before')).toBe('');
    expect(persistenceMessage('already-persistent')).toBe('');
  });
});
