// Routes of the library page in the address fragment, so back/forward and reloads keep the place.

export type Route =
  | { name: 'list' }
  | { name: 'reader'; clipId: string }
  | { name: 'settings' }
  | { name: 'connections' }
  | { name: 'collections' }
  | { name: 'collection'; id: string };

export function parseRoute(hash: string): Route {
  const [, name, id] = hash.replace(/^#/, '').split('/');
  if (name === 'clip' && id) return { name: 'reader', clipId: decodeURIComponent(id) };
  if (name === 'settings') return { name: 'settings' };
  if (name === 'connections') return { name: 'connections' };
  if (name === 'collections') return { name: 'collections' };
  if (name === 'collection' && id) return { name: 'collection', id: decodeURIComponent(id) };
  return { name: 'list' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'reader':
      return `#/clip/${encodeURIComponent(route.clipId)}`;
    case 'settings':
      return '#/settings';
    case 'connections':
      return '#/connections';
    case 'collections':
      return '#/collections';
    case 'collection':
      return `#/collection/${encodeURIComponent(route.id)}`;
    default:
      return '#/';
  }
}
