// The library page: the list of everything saved, the reader, and settings.
import { useEffect, useState } from 'preact/hooks';
import { applyTheme, loadSettings, type Settings } from '../ui/settings';
import { ConnectionsPage } from './components/ConnectionsPage';
import { CollectionView } from './components/CollectionView';
import { CollectionsPage } from './components/CollectionsPage';
import { LibraryList } from './components/LibraryList';
import { PersistenceNotice } from './components/PersistenceNotice';
import { Reader } from './components/Reader';
import { SettingsPage } from './components/SettingsPage';
import { parseRoute, routeHref, type Route } from './use-route';

export function App() {
  const [route, setRoute] = useState<Route>(parseRoute(location.hash));
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    void loadSettings().then((loaded) => {
      applyTheme(loaded.theme);
      setSettings(loaded);
    });
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    const titles: Partial<Record<Route['name'], string>> = {
      settings: 'Settings',
      reader: 'Reader',
      collections: 'Collections',
      collection: 'Collection',
      connections: 'Connections',
    };
    document.title = `${titles[route.name] ?? 'Library'} · Crisscross`;
    // Move focus to the new view's heading, as a page load would, for keyboard and screen-reader users.
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [route]);

  const onSettings = (next: Settings) => {
    applyTheme(next.theme);
    setSettings(next);
  };

  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <a class="brand" href={routeHref({ name: 'list' })}>
          <img src="icons/icon-32.png" alt="" width="24" height="24" /> Crisscross
        </a>
        <nav aria-label="Library sections">
          <a href={routeHref({ name: 'list' })} aria-current={route.name === 'list' ? 'page' : undefined}>
            Library
          </a>
          <a href={routeHref({ name: 'connections' })} aria-current={route.name === 'connections' ? 'page' : undefined}>
            Connections
          </a>
          <a
            href={routeHref({ name: 'collections' })}
            aria-current={route.name === 'collections' || route.name === 'collection' ? 'page' : undefined}
          >
            Collections
          </a>
          <a href={routeHref({ name: 'settings' })} aria-current={route.name === 'settings' ? 'page' : undefined}>
            Settings
          </a>
        </nav>
      </header>
      <main id="main">
        <PersistenceNotice />
        {route.name === 'list' && <LibraryList />}
        {route.name === 'reader' && settings && <Reader clipId={route.clipId} loadImages={settings.loadImages} />}
        {route.name === 'connections' && <ConnectionsPage />}
        {route.name === 'settings' && settings && <SettingsPage settings={settings} onChange={onSettings} />}
        {route.name === 'collections' && <CollectionsPage />}
        {route.name === 'collection' && <CollectionView id={route.id} />}
      </main>
    </>
  );
}
