// Routes of the library page in the address fragment, so back/forward and reloads keep the place.

export type Route = { name: 'list' } | { name: 'reader'; clipId: string } | { name: 'settings' } | { name: 'connections' };

export function parseRoute(hash: string): Route {
  const [, name, id] = hash.replace(/^#/, '').split('/');
  if (name === 'clip' && id) return { name: 'reader', clipId: decodeURIComponent(id) };
  if (name === 'settings') return { name: 'settings' };
  if (name === 'connections') return { name: 'connections' };
  return { name: 'list' };
}

export const routeHref = (route: Route): string =>
  route.name === 'reader'
    ? `#/clip/${encodeURIComponent(route.clipId)}`
    : route.name === 'settings'
      ? '#/settings'
      : route.name === 'connections'
        ? '#/connections'
        : '#/';
