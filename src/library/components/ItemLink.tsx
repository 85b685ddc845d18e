// A saved item's title as a link to the reader.
import type { ConnectedItemView } from '../../messaging/protocol';
import { routeHref } from '../use-route';

export function ItemLink({ item }: { item: Pick<ConnectedItemView, 'clipId' | 'title'> }) {
  return <a href={routeHref({ name: 'reader', clipId: item.clipId })}>{item.title}</a>;
}
