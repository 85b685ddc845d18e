// The connection graph: topics round a circle, items as dots coloured by topic, cross-topic
// connections as lines, bridges (items in two topics, topic pairs with distinctive words in common)
// drawn stronger. Zoom with the buttons, the wheel or + and -; every dot is a link to its item.
import { useMemo, useState } from 'preact/hooks';
import { layoutGraph, type Point } from '../../core/connections/graph-layout';
import { itemMatches, pairMatches, type TopicPairFilter } from '../../core/connections/topic-filter';
import type { ConnectedItemView, LibraryConnections } from '../../messaging/protocol';
import { routeHref } from '../use-route';

const WIDTH = 960;
const HEIGHT = 620;
/** Topics drawn round the circle; the rest of a large library is reachable through the filter. */
const TOPICS_DRAWN = 10;
/** Topic colours (library.css --topic-0 … --topic-7), repeating past eight topics. */
const PALETTE = 8;
const MIN_SCALE = 1;
const MAX_SCALE = 8;
const ZOOM_STEP = 1.5;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function ConnectionGraph({
  data,
  items,
  filter,
}: {
  data: LibraryConnections;
  items: ReadonlyMap<string, ConnectedItemView>;
  filter: TopicPairFilter;
}) {
  const [zoom, setZoom] = useState<{ scale: number; centre: Point }>({ scale: 1, centre: { x: WIDTH / 2, y: HEIGHT / 2 } });
  const [focused, setFocused] = useState<string | null>(null);

  // Colours follow the library's topic order, so a topic keeps its colour whatever the filter.
  const colourOf = useMemo(() => new Map(data.topics.map((topic, i) => [topic.topic, i % PALETTE])), [data]);

  const view = useMemo(() => {
    const chosen = [filter.a, filter.b].filter(Boolean);
    const topics = chosen.length > 0 ? [...new Set(chosen)] : data.topics.slice(0, TOPICS_DRAWN).map((topic) => topic.topic);
    const drawn = new Set(topics);
    const shown = data.graph
      .map((key) => items.get(key))
      .filter((item): item is ConnectedItemView => item !== undefined && item.topics.some((topic) => drawn.has(topic)))
      .filter((item) => itemMatches(item.topics, filter));
    const shownKeys = new Set(shown.map((item) => item.key));
    const lines = data.connections.filter(
      (pair) => shownKeys.has(pair.a) && shownKeys.has(pair.b) && pairMatches(items.get(pair.a)!.topics, items.get(pair.b)!.topics, filter),
    );
    const bridges = data.topicPairs.filter((pair) => drawn.has(pair.a) && drawn.has(pair.b) && pair.terms.length > 0).slice(0, 6);
    const layout = layoutGraph(
      { topics, items: shown.map((item) => ({ id: item.key, topics: item.topics.filter((topic) => drawn.has(topic)) })), links: lines },
      { width: WIDTH, height: HEIGHT },
    );
    return { topics, shown, lines, bridges, layout };
  }, [data, items, filter]);

  const zoomBy = (factor: number, towards?: Point) =>
    setZoom((current) => {
      const scale = clamp(current.scale * factor, MIN_SCALE, MAX_SCALE);
      if (scale === MIN_SCALE) return { scale, centre: { x: WIDTH / 2, y: HEIGHT / 2 } };
      // Zooming towards a point keeps that point where it was on screen.
      const centre = towards
        ? {
            x: towards.x - ((towards.x - current.centre.x) * current.scale) / scale,
            y: towards.y - ((towards.y - current.centre.y) * current.scale) / scale,
          }
        : current.centre;
      return { scale, centre };
    });
  const resetZoom = () => setZoom({ scale: 1, centre: { x: WIDTH / 2, y: HEIGHT / 2 } });

  const viewWidth = WIDTH / zoom.scale;
  const viewHeight = HEIGHT / zoom.scale;
  const viewX = clamp(zoom.centre.x - viewWidth / 2, 0, WIDTH - viewWidth);
  const viewY = clamp(zoom.centre.y - viewHeight / 2, 0, HEIGHT - viewHeight);
  const dot = 6 / Math.sqrt(zoom.scale);

  const onWheel = (event: WheelEvent) => {
    event.preventDefault();
    const svg = event.currentTarget as SVGSVGElement;
    const box = svg.getBoundingClientRect();
    const towards = {
      x: viewX + ((event.clientX - box.left) / box.width) * viewWidth,
      y: viewY + ((event.clientY - box.top) / box.height) * viewHeight,
    };
    zoomBy(event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, towards);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === '+' || event.key === '=') zoomBy(ZOOM_STEP);
    else if (event.key === '-' || event.key === '_') zoomBy(1 / ZOOM_STEP);
    else if (event.key === '0') resetZoom();
    else return;
    event.preventDefault();
  };

  /** A focused dot outside the zoomed view is brought into it. */
  const onItemFocus = (key: string) => {
    setFocused(key);
    const place = view.layout.items.get(key);
    if (!place || zoom.scale === 1) return;
    const inside = place.x >= viewX && place.x <= viewX + viewWidth && place.y >= viewY && place.y <= viewY + viewHeight;
    if (!inside) setZoom((current) => ({ ...current, centre: place }));
  };

  const focusedItem = focused ? items.get(focused) : undefined;
  const focusedPlace = focused ? view.layout.items.get(focused) : undefined;

  return (
    <section class="graph" aria-labelledby="graph-heading" onKeyDown={onKeyDown}>
      <h2 id="graph-heading">Graph</h2>
      <div class="graph-controls" role="group" aria-label="Zoom">
        <button type="button" onClick={() => zoomBy(ZOOM_STEP)} disabled={zoom.scale >= MAX_SCALE}>
          Zoom in
        </button>
        <button type="button" onClick={() => zoomBy(1 / ZOOM_STEP)} disabled={zoom.scale <= MIN_SCALE}>
          Zoom out
        </button>
        <button type="button" onClick={resetZoom} disabled={zoom.scale === 1}>
          Reset zoom
        </button>
        <span class="muted" aria-live="polite">
          {Math.round(zoom.scale * 100)}% · keys + and − zoom
        </span>
      </div>
      <ul class="graph-legend" aria-label="Topics">
        {view.topics.map((topic) => (
          <li key={topic}>
            <span class={`swatch topic-${colourOf.get(topic) ?? 0}`} aria-hidden="true" /> {topic}
          </li>
        ))}
        <li>
          <span class="swatch bridge-swatch" aria-hidden="true" /> in two topics or more
        </li>
      </ul>
      <svg
        class="graph-canvas"
        role="group"
        aria-label={`Connection graph: ${plural(view.shown.length, 'item', 'items')}, ${plural(view.lines.length, 'cross-topic connection', 'cross-topic connections')}`}
        viewBox={`${viewX} ${viewY} ${viewWidth} ${viewHeight}`}
        onWheel={onWheel}
      >
        <g aria-hidden="true" class="graph-bridges">
          {view.bridges.map((pair) => {
            const a = view.layout.topics.get(pair.a)!;
            const b = view.layout.topics.get(pair.b)!;
            return (
              <g key={`${pair.a}|${pair.b}`}>
                <line class="topic-bridge" x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke-width={2 + 10 * pair.strength} />
                <text class="bridge-terms" x={(a.x + b.x) / 2} y={(a.y + b.y) / 2 - 22} text-anchor="middle">
                  {pair.terms.slice(0, 2).join(' · ')}
                </text>
              </g>
            );
          })}
        </g>
        <g aria-hidden="true" class="graph-lines">
          {view.lines.map((pair) => {
            const a = view.layout.items.get(pair.a)!;
            const b = view.layout.items.get(pair.b)!;
            const lit = focused === pair.a || focused === pair.b;
            return (
              <line
                key={`${pair.a}|${pair.b}`}
                class={`connection-line strength-${pair.strength}${pair.confirmed ? ' confirmed' : ''}${lit ? ' lit' : ''}`}
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
              />
            );
          })}
        </g>
        <g aria-hidden="true" class="graph-topics">
          {view.topics.map((topic) => {
            const place = view.layout.topics.get(topic)!;
            return (
              <text key={topic} class="topic-label" x={place.x} y={place.y < HEIGHT / 2 ? place.y - 34 : place.y + 44} text-anchor="middle">
                {topic}
              </text>
            );
          })}
        </g>
        <g class="graph-items">
          {view.shown.map((item) => {
            const place = view.layout.items.get(item.key)!;
            const colours = item.topics.map((topic) => colourOf.get(topic) ?? 0);
            const bridge = item.topics.length > 1;
            return (
              <a
                key={item.key}
                href={routeHref({ name: 'reader', clipId: item.clipId })}
                class="graph-item"
                aria-label={`${item.title}, ${item.topics.length > 1 ? 'topics' : 'topic'} ${item.topics.join(' and ')}, ${plural(item.connections, 'connection', 'connections')}`}
                onFocus={() => onItemFocus(item.key)}
                onBlur={() => setFocused(null)}
                onMouseEnter={() => setFocused(item.key)}
                onMouseLeave={() => setFocused(null)}
              >
                {bridge && <circle class={`bridge-ring topic-${colours[1]}`} cx={place.x} cy={place.y} r={dot * 1.9} />}
                <circle class={`dot topic-${colours[0]}`} cx={place.x} cy={place.y} r={bridge ? dot * 1.3 : dot} />
              </a>
            );
          })}
        </g>
        {focusedItem && focusedPlace && (
          <text
            class="focus-label"
            aria-hidden="true"
            x={focusedPlace.x}
            y={focusedPlace.y - dot * 2.4}
            text-anchor="middle"
            font-size={13 / Math.sqrt(zoom.scale)}
          >
            {focusedItem.title.length > 60 ? `${focusedItem.title.slice(0, 57)}…` : focusedItem.title}
          </text>
        )}
      </svg>
    </section>
  );
}
