// The library-wide connections for the library page's graph and list: found whole when first asked
// (a slice of items at a time so the worker keeps answering other requests), then kept current item
// by item as the library or the curator's feedback changes, and saved with the connection index so a
// restarted worker does not find them all again.
import {
  LibraryConnectionTracker,
  itemRef,
  pairItems,
  pairKey,
  type ConnectionIndex,
  type LibraryConnection,
  type LibraryConnectionsSnapshot,
} from '../core/connections';
import type { ConnectedItemView, LibraryConnectionView, LibraryConnections, TopicBridgeView } from '../messaging/protocol';
import type { CrisscrossDb } from '../storage/db';
import type { ConnectionService } from './connection-service';
import { yieldToEvents } from '../core/time-slices';

/** Items scored between two yields to the event loop. */
const SLICE = 100;
/** Pairs listed in "strongest connections". */
const LISTED = 200;
/** Dots the graph draws at most: beyond that a picture is no longer readable. */
const GRAPH_ITEMS = 300;
/** Topic pairs summarised with their bridge terms. */
const TOPIC_PAIRS = 12;

type Feedback = { dismissed: Set<string>; confirmed: Set<string> };

/** What is saved with the connection index: the lists, and the feedback they were found with. */
interface SavedLists {
  lists: LibraryConnectionsSnapshot;
  dismissed: string[];
  confirmed: string[];
}

/** Items of the pairs whose feedback differs between two sets of it. */
function feedbackChanges(before: { dismissed: Iterable<string>; confirmed: Iterable<string> }, after: Feedback): string[] {
  const changed = new Set<string>();
  const compare = (was: Iterable<string>, now: ReadonlySet<string>) => {
    const old = new Set(was);
    for (const pair of old) if (!now.has(pair)) changed.add(pair);
    for (const pair of now) if (!old.has(pair)) changed.add(pair);
  };
  compare(before.dismissed, after.dismissed);
  compare(before.confirmed, after.confirmed);
  return [...changed].flatMap((pair) => pairItems(pair));
}

export function createLibraryConnections(db: CrisscrossDb, connections: ConnectionService) {
  let generation = 0;
  /** Items scored so far by the computation under way, for the page's progress bar. */
  let progress: { done: number; total: number } | null = null;
  /** Each item's best connections, kept current; with the index and feedback it was kept on. */
  let tracked: { tracker: LibraryConnectionTracker; index: ConnectionIndex; feedback: Feedback } | null = null;
  /** Items of pairs confirmed or dismissed since the tracker last applied changes. */
  const pendingPairs: string[] = [];

  // Saved with each index snapshot, brought current first; not saved while feedback is pending.
  connections.saveWithSnapshot(() => {
    if (!tracked || !tracked.tracker.current || pendingPairs.length > 0) return undefined;
    tracked.tracker.changed(tracked.index.takeTouched());
    const saved: SavedLists = {
      lists: tracked.tracker.toJSON(),
      dismissed: [...tracked.feedback.dismissed],
      confirmed: [...tracked.feedback.confirmed],
    };
    return JSON.stringify(saved);
  });

  /** The lists saved with the index this worker restored, brought current with what changed since. */
  function restore(index: ConnectionIndex, feedback: Feedback): LibraryConnectionTracker | null {
    const saved = connections.takeRestoredExtra();
    if (!saved) return null;
    try {
      const { lists, dismissed, confirmed } = JSON.parse(saved) as SavedLists;
      const tracker = LibraryConnectionTracker.fromJSON(index, lists, feedback);
      tracker?.changed([...index.takeTouched(), ...feedbackChanges({ dismissed, confirmed }, feedback)]);
      return tracker;
    } catch {
      return null;
    }
  }

  /** The tracker brought current: item by item when it can be, else found whole, a slice at a time. */
  async function currentTracker(index: ConnectionIndex, feedback: Feedback): Promise<LibraryConnectionTracker> {
    if (tracked?.index !== index) {
      const restored = restore(index, feedback);
      tracked = restored && { tracker: restored, index, feedback };
    }
    if (tracked?.tracker.current) {
      tracked.tracker.setFeedback(feedback);
      tracked.feedback = feedback;
      tracked.tracker.changed([...index.takeTouched(), ...pendingPairs.splice(0)]);
      return tracked.tracker;
    }
    index.takeTouched();
    pendingPairs.length = 0;
    const tracker = new LibraryConnectionTracker(index, feedback);
    const ids = index.ids();
    progress = { done: 0, total: ids.length };
    try {
      for (let i = 0; i < ids.length; i += SLICE) {
        tracker.collect(ids.slice(i, i + SLICE).filter((id) => index.has(id)));
        progress = { done: Math.min(ids.length, i + SLICE), total: ids.length };
        await yieldToEvents();
      }
    } finally {
      progress = null;
    }
    // Changes made while it was found (a new epoch meanwhile means the next request starts again).
    const latest = await connections.feedback();
    tracker.setFeedback(latest);
    tracker.changed([...index.takeTouched(), ...pendingPairs.splice(0), ...feedbackChanges(feedback, latest)]);
    tracked = { tracker, index, feedback: latest };
    connections.scheduleSnapshot();
    return tracker;
  }
  let cached: { generation: number; value: LibraryConnections } | null = null;
  let computing: { generation: number; promise: Promise<LibraryConnections> } | null = null;

  /** Titles and topics of items by key; keys whose item is gone are left out. */
  async function itemViews(
    index: ConnectionIndex,
    keys: Iterable<string>,
    counts: ReadonlyMap<string, number>,
  ): Promise<ConnectedItemView[]> {
    const refs = [...new Set(keys)].map((key) => ({ key, ref: itemRef(key) }));
    const clipKeys = refs.filter(({ ref }) => ref.type === 'clip');
    const highlightKeys = refs.filter(({ ref }) => ref.type === 'highlight');
    const [clips, highlights] = await Promise.all([
      db.clips.bulkGet(clipKeys.map(({ ref }) => ref.id)),
      db.highlights.bulkGet(highlightKeys.map(({ ref }) => ref.id)),
    ]);
    const views: ConnectedItemView[] = [];
    const view = (key: string, clipId: string, title: string) =>
      views.push({ key, clipId, title, topics: [...(index.topicsOf(key) ?? [])], connections: counts.get(key) ?? 0 });
    clipKeys.forEach(({ key }, i) => {
      const clip = clips[i];
      if (clip) view(key, clip.id, clip.title || clip.url);
    });
    highlightKeys.forEach(({ key }, i) => {
      const highlight = highlights[i];
      if (highlight) view(key, highlight.clipId, highlight.text.slice(0, 120));
    });
    return views;
  }

  const pairView = (pair: LibraryConnection): LibraryConnectionView => ({
    a: pair.a,
    b: pair.b,
    score: pair.score,
    strength: pair.strength,
    terms: pair.terms.map((term) => term.label),
    confirmed: pair.confirmed,
  });

  /** The graph's items: all of a small library; else the best connected, then items in two topics or more. */
  function graphItems(index: ConnectionIndex, pairs: readonly LibraryConnection[]): string[] {
    const ids = index.ids();
    if (ids.length <= GRAPH_ITEMS) return ids;
    const chosen = new Set<string>();
    for (const pair of pairs) {
      if (chosen.size >= GRAPH_ITEMS - 1) break;
      chosen.add(pair.a);
      chosen.add(pair.b);
    }
    for (const id of ids) {
      if (chosen.size >= GRAPH_ITEMS) break;
      if ((index.topicsOf(id)?.length ?? 0) >= 2) chosen.add(id);
    }
    return [...chosen];
  }

  async function compute(): Promise<LibraryConnections> {
    const [index, feedback] = await Promise.all([connections.ready(), connections.feedback()]);
    const all = (await currentTracker(index, feedback)).strongest();
    const counts = new Map<string, number>();
    for (const pair of all) for (const key of [pair.a, pair.b]) counts.set(key, (counts.get(key) ?? 0) + 1);
    const listed = all.slice(0, LISTED);
    const graph = graphItems(index, all);
    const graphSet = new Set(graph);
    const topicPairs = index.topicPairs({ limit: TOPIC_PAIRS }).map((pair) => ({
      a: pair.a,
      b: pair.b,
      strength: pair.strength,
      shared: pair.shared,
      terms: index.bridges(pair.a, pair.b, { terms: 3, pairs: 0 }).terms.map((term) => term.label),
    }));
    const items = await itemViews(index, [...graph, ...listed.flatMap((pair) => [pair.a, pair.b])], counts);
    const known = new Set(items.map((item) => item.key));
    return {
      topics: index.topics(),
      items,
      graph: graph.filter((key) => known.has(key)),
      // Graph lines come from the whole list, so an item drawn has its lines even when not listed.
      connections: [...listed, ...all.slice(LISTED).filter((pair) => graphSet.has(pair.a) && graphSet.has(pair.b))]
        .filter((pair) => known.has(pair.a) && known.has(pair.b))
        .map(pairView),
      topicPairs,
      indexed: index.size,
    };
  }

  return {
    /** Marks the cached answer out of date: the library changed (the index says which items). */
    invalidate() {
      generation++;
    },

    /** The curator confirmed or dismissed a pair: the two items' lists are found again. */
    pairChanged(a: string, b: string) {
      pendingPairs.push(a, b);
      generation++;
    },

    async get(): Promise<LibraryConnections> {
      if (cached?.generation === generation) return cached.value;
      if (computing?.generation !== generation) {
        const started = generation;
        const promise = compute().then((value) => {
          if (started === generation) cached = { generation: started, value };
          return value;
        });
        // A failed computation is not kept: the next request tries again.
        promise.catch(() => {
          if (computing?.promise === promise) computing = null;
        });
        computing = { generation: started, promise };
      }
      return computing.promise;
    },

    /** How far the computation under way has got (items scored of all), or null when none is. */
    progress(): { done: number; total: number } | null {
      return progress;
    },

    async bridges(a: string, b: string): Promise<TopicBridgeView> {
      const [index, feedback] = await Promise.all([connections.ready(), connections.feedback()]);
      const bridge = index.bridges(a, b, { terms: 10, pairs: 10 });
      const pairs = bridge.pairs
        .filter((pair) => !feedback.dismissed.has(pairKey(pair.a, pair.b)))
        .map((pair) => {
          const terms = index.pairTerms(pair.a, pair.b).map((term) => term.label);
          return {
            a: pair.a,
            b: pair.b,
            score: pair.score,
            strength: pair.strength,
            terms,
            confirmed: feedback.confirmed.has(pairKey(pair.a, pair.b)),
          };
        });
      const [shared, items] = await Promise.all([
        itemViews(index, bridge.shared, new Map()),
        itemViews(
          index,
          pairs.flatMap((pair) => [pair.a, pair.b]),
          new Map(),
        ),
      ]);
      return {
        a: bridge.a,
        b: bridge.b,
        shared,
        terms: bridge.terms.map((term) => ({ label: term.label, score: term.score })),
        pairs,
        items,
      };
    },
  };
}

export type LibraryConnectionsService = ReturnType<typeof createLibraryConnections>;
