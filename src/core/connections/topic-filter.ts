// Filtering the library's connections by a pair of topics: one topic shows what touches it, two show
// what runs between them. An empty topic means "any".

export interface TopicPairFilter {
  a: string;
  b: string;
}

export const NO_TOPIC_FILTER: TopicPairFilter = { a: '', b: '' };

/** Whether an item (by its topics) belongs in the filtered view. */
export function itemMatches(topics: readonly string[], filter: TopicPairFilter): boolean {
  const chosen = [filter.a, filter.b].filter(Boolean);
  return chosen.length === 0 || chosen.some((topic) => topics.includes(topic));
}

/** Whether a connection between items of topics `x` and `y` belongs in the filtered view. */
export function pairMatches(x: readonly string[], y: readonly string[], filter: TopicPairFilter): boolean {
  const { a, b } = filter;
  if (a && b && a !== b) return (x.includes(a) && y.includes(b)) || (x.includes(b) && y.includes(a));
  const one = a || b;
  return !one || x.includes(one) || y.includes(one);
}
