// Collections: named, ordered sets of clips and highlights (an item can be in several).

/** Names a saved item: clip and highlight ids live in separate namespaces. */
export interface ItemRef {
  type: 'clip' | 'highlight';
  id: string;
}

export interface Collection {
  id: string;
  name: string;
  description: string;
  /** The collection's items in the user's order. */
  items: ItemRef[];
  createdAt: number;
  updatedAt: number;
}
