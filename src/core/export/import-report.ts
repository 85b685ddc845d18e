// The report of an import plan: what happened to each item, counted, in words a person reads.

/** What happened to one incoming item. */
export type PlanAction = 'added' | 'merged' | 'skipped';
/** The kinds of item a plan reports on; links are the future confirmed connections. */
export type PlanItemType = 'clip' | 'highlight' | 'collection' | 'link';

/** One line of the report: an item, what happens to it, and exactly what changes or why not. */
export interface PlanLine {
  action: PlanAction;
  type: PlanItemType;
  /** The item's id in the library after the import (the incoming id for skipped items). */
  id: string;
  /** A title a person recognises: the clip's title, the start of a highlight's quote, the collection's name. */
  title: string;
  /** What was added or merged, what was kept and why, or why the item was skipped. */
  details: string[];
}

/** How many items of each type. */
export type PlanCounts = Record<PlanItemType, number>;

/** Everything a UI needs to tell the user what an import did. */
export interface ImportReport {
  counts: Record<PlanAction, PlanCounts>;
  /** Every item, in the order of the file. */
  lines: PlanLine[];
  /** One or two sentences for the UI, e.g. "Added 2 clips and 3 highlights. Skipped 1 clip already in your library." */
  summary: string;
}

/** Zero of every type. */
export function emptyCounts(): PlanCounts {
  return { clip: 0, highlight: 0, collection: 0, link: 0 };
}

const NOUNS: Record<PlanItemType, [string, string]> = {
  clip: ['clip', 'clips'],
  highlight: ['highlight', 'highlights'],
  collection: ['collection', 'collections'],
  link: ['connection', 'connections'],
};

function listCounts(counts: PlanCounts): string {
  const parts = (Object.keys(NOUNS) as PlanItemType[])
    .filter((type) => counts[type] > 0)
    .map((type) => `${counts[type]} ${NOUNS[type][counts[type] === 1 ? 0 : 1]}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

/** The report's summary: "Added 2 clips and 3 highlights. Skipped 1 clip." */
export function summarize(counts: Record<PlanAction, PlanCounts>): string {
  const sentences = [
    listCounts(counts.added) && `Added ${listCounts(counts.added)}.`,
    listCounts(counts.merged) && `Merged ${listCounts(counts.merged)} into what you had.`,
    listCounts(counts.skipped) && `Skipped ${listCounts(counts.skipped)}.`,
  ].filter(Boolean);
  return sentences.length ? sentences.join(' ') : 'The file holds nothing to import.';
}
