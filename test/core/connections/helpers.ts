// A small hand-made library for connection tests: four topics, one cross-topic pair that shares distinctive words.
import { ConnectionIndex, type ConnectionItem } from '../../../src/core/connections';

/** A clip-like item keyed "c:<name>"; its page is itself. */
export function item(name: string, topics: string[], title: string, text: string): ConnectionItem {
  const id = `c:${name}`;
  return { id, page: id, title, text, topics };
}

/** Sourdough (cooking) and bokashi (gardening) share fermentation words and no topic: the connection to find. */
export const SOURDOUGH = item(
  'sourdough',
  ['cooking'],
  'Sourdough starter basics',
  'A sourdough starter is a culture of wild yeast and lactobacillus bacteria. Fermentation gives the bread its sour flavour. ' +
    'Feed the starter flour and water every day. The microbes produce lactic acid during fermentation.',
);
export const BOKASHI = item(
  'bokashi',
  ['gardening'],
  'Bokashi composting',
  'Bokashi is a fermentation method for kitchen waste. Lactobacillus bacteria ferment the scraps in a sealed bucket. ' +
    'The microbes produce lactic acid, and the fermented waste feeds the soil.',
);
export const BREAD = item(
  'bread',
  ['cooking'],
  'Baking bread at home',
  'Knead the dough until it is smooth, then let the bread rise. Bake the loaf in a hot oven with steam. A good crust needs a hot oven and a sourdough loaf needs patience.',
);
export const ROAST = item(
  'roast',
  ['cooking'],
  'Roasting vegetables',
  'Roast carrots and parsnips at a high oven temperature. Toss the vegetables in olive oil and salt. Caramelised edges give roasted vegetables their flavour.',
);
export const ROSES = item(
  'roses',
  ['gardening'],
  'Pruning roses',
  'Prune roses in late winter before new growth starts. Cut above an outward facing bud. Remove dead wood and crossing stems.',
);
export const BEDS = item(
  'beds',
  ['gardening'],
  'Raised bed soil',
  'Fill raised beds with a mix of topsoil and compost. Good soil holds water and feeds the roots. Add compost to the soil every spring.',
);
export const INDEX_FUNDS = item(
  'index-funds',
  ['finance'],
  'Index funds',
  'Index funds track a market index at a low cost. Diversification spreads risk across many companies. Fees compound over decades.',
);
export const EMERGENCY = item(
  'emergency',
  ['finance'],
  'Emergency fund',
  'Keep an emergency fund of three to six months of expenses. Store the emergency fund in a savings account you can reach quickly.',
);
export const PACKING = item(
  'packing',
  ['travel'],
  'Packing light',
  'Pack a carry-on bag only. Roll clothes to save space and wear your heaviest shoes on the plane.',
);
export const TRAINS = item(
  'trains',
  ['travel'],
  'Night trains in Europe',
  'Night trains connect Vienna, Munich and Zurich. A sleeper cabin replaces a hotel night. Book the couchette early.',
);

export const LIBRARY: readonly ConnectionItem[] = [SOURDOUGH, BOKASHI, BREAD, ROAST, ROSES, BEDS, INDEX_FUNDS, EMERGENCY, PACKING, TRAINS];

/** An index holding `items` (the whole library by default). */
export function indexOf(items: readonly ConnectionItem[] = LIBRARY, options: { topK?: number } = {}): ConnectionIndex {
  const index = new ConnectionIndex(options);
  for (const entry of items) index.add(entry);
  return index;
}

/** Keys of the items in a list of connections. */
export function ids(list: ReadonlyArray<{ id: string }>): string[] {
  return list.map((entry) => entry.id);
}
