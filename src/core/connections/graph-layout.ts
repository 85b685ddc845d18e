// Where the connection graph draws each topic and item: topics on a circle, items near their topics,
// then a few rounds of a simple force relaxation. Deterministic: the same library gives the same picture.

export interface GraphLayoutInput {
  /** Topic keys, in the order they go round the circle. */
  topics: readonly string[];
  items: ReadonlyArray<{ id: string; topics: readonly string[] }>;
  /** Connections, pulling their two items towards each other. */
  links: ReadonlyArray<{ a: string; b: string }>;
}

export interface GraphLayoutOptions {
  width?: number;
  height?: number;
  iterations?: number;
  /** Closest two dots may sit after relaxation (centre to centre), where space allows. */
  spacing?: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  topics: Map<string, Point>;
  items: Map<string, Point>;
}

/** Golden angle: successive items of one topic spiral out without lining up. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const MARGIN = 24;
/** How strongly an item is pulled back to its home (its topics' centre) per round. */
const HOME_PULL = 0.08;
/** How strongly a connection pulls its two items together per round: weak, so topics stay readable. */
const LINK_PULL = 0.003;

const round1 = (value: number) => Math.round(value * 10) / 10;

export function layoutGraph(input: GraphLayoutInput, options: GraphLayoutOptions = {}): GraphLayout {
  const { width = 800, height = 600, iterations = 40, spacing = 24 } = options;
  const centre = { x: width / 2, y: height / 2 };
  const radius = Math.max(0, Math.min(width, height) / 2 - MARGIN * 3);

  const topics = new Map<string, Point>();
  input.topics.forEach((topic, i) => {
    if (input.topics.length === 1) return topics.set(topic, { ...centre });
    // Two topics sit side by side (drawings are wider than tall); more start from the top.
    const start = input.topics.length === 2 ? Math.PI : -Math.PI / 2;
    const angle = start + (2 * Math.PI * i) / input.topics.length;
    topics.set(topic, { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
  });

  // An item's home is the mean of its topics' places: an item in two topics sits between them.
  const homes = input.items.map(({ topics: own }) => {
    const places = own.map((topic) => topics.get(topic)).filter((place): place is Point => place !== undefined);
    if (places.length === 0) return { ...centre };
    return { x: places.reduce((sum, p) => sum + p.x, 0) / places.length, y: places.reduce((sum, p) => sum + p.y, 0) / places.length };
  });

  // Start on a spiral around each home, numbered per home so each topic's cluster fills evenly.
  const perHome = new Map<string, number>();
  const positions = homes.map((home) => {
    const key = `${home.x.toFixed(1)},${home.y.toFixed(1)}`;
    const k = perHome.get(key) ?? 0;
    perHome.set(key, k + 1);
    const distance = spacing * Math.sqrt(k + 0.5);
    return { x: home.x + distance * Math.cos(k * GOLDEN_ANGLE), y: home.y + distance * Math.sin(k * GOLDEN_ANGLE) };
  });

  const slot = new Map(input.items.map((item, i) => [item.id, i]));
  const links = input.links
    .map(({ a, b }) => [slot.get(a), slot.get(b)] as const)
    .filter((pair): pair is readonly [number, number] => pair[0] !== undefined && pair[1] !== undefined && pair[0] !== pair[1]);

  const clamp = (p: Point) => {
    p.x = Math.min(width - MARGIN, Math.max(MARGIN, p.x));
    p.y = Math.min(height - MARGIN, Math.max(MARGIN, p.y));
  };

  for (let round = 0; round < iterations; round++) {
    const moves = positions.map(() => ({ x: 0, y: 0 }));
    // Dots closer than `spacing` push each other apart (the graph shows at most a few hundred dots).
    for (let i = 0; i < positions.length; i++) {
      for (let j = i + 1; j < positions.length; j++) {
        const dx = positions[j]!.x - positions[i]!.x;
        const dy = positions[j]!.y - positions[i]!.y;
        const distance = Math.hypot(dx, dy);
        if (distance >= spacing) continue;
        // Two dots on one spot part along a fixed direction that depends on their order only.
        const [ux, uy] = distance > 1e-6 ? [dx / distance, dy / distance] : [Math.cos(i + j), Math.sin(i + j)];
        const push = (spacing - distance) / 2;
        moves[i]!.x -= ux * push;
        moves[i]!.y -= uy * push;
        moves[j]!.x += ux * push;
        moves[j]!.y += uy * push;
      }
    }
    for (const [i, j] of links) {
      const dx = positions[j]!.x - positions[i]!.x;
      const dy = positions[j]!.y - positions[i]!.y;
      moves[i]!.x += dx * LINK_PULL;
      moves[i]!.y += dy * LINK_PULL;
      moves[j]!.x -= dx * LINK_PULL;
      moves[j]!.y -= dy * LINK_PULL;
    }
    positions.forEach((p, i) => {
      p.x += moves[i]!.x + (homes[i]!.x - p.x) * HOME_PULL;
      p.y += moves[i]!.y + (homes[i]!.y - p.y) * HOME_PULL;
      clamp(p);
    });
  }

  const items = new Map<string, Point>();
  input.items.forEach((item, i) => items.set(item.id, { x: round1(positions[i]!.x), y: round1(positions[i]!.y) }));
  for (const place of topics.values()) {
    place.x = round1(place.x);
    place.y = round1(place.y);
  }
  return { width, height, topics, items };
}
