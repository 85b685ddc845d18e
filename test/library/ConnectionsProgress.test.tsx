// @vitest-environment happy-dom
// The Connections page while the worker computes the library-wide list: it says how far it has got.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibraryConnections } from '../../src/messaging/protocol';
import { answer, resetPageBrowser } from './page-browser';
import { mount, unmountAll } from './render';

vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./page-browser')).pageBrowser }));

const { ConnectionsPage } = await import('../../src/library/components/ConnectionsPage');

beforeEach(resetPageBrowser);
afterEach(unmountAll);

describe('connections progress', () => {
  it('shows the items scored so far while the list is computed, then the list', async () => {
    let finish: (value: LibraryConnections) => void = () => undefined;
    answer('getLibraryConnections', () => new Promise<LibraryConnections>((resolve) => (finish = resolve)));
    let done = 1_200;
    answer('getLibraryConnectionsProgress', () => ({ done, total: 8_000 }));
    const root = await mount(<ConnectionsPage />);
    const bar = () => root.querySelector<HTMLProgressElement>('progress[aria-label="Items scored"]');
    await vi.waitFor(() => expect(bar()?.value).toBe(1_200));
    expect(bar()!.max).toBe(8_000);
    expect(root.querySelector('[role="status"]')!.textContent).toContain('1,200 of 8,000 items scored');
    done = 4_000;
    await vi.waitFor(() => expect(bar()?.value).toBe(4_000), { timeout: 3_000 });
    finish({ topics: [], items: [], graph: [], connections: [], topicPairs: [], indexed: 0 });
    await vi.waitFor(() => expect(root.textContent).toContain('Nothing saved yet'));
    expect(bar()).toBeNull();
  });
});
