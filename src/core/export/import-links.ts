// Confirmed connections in an imported file: their ends rewritten to the items' ids after the import,
// merged by item pair (a pair the library already has, confirmed or dismissed, is left as it is).
import { pairKey } from '../connections/feedback';
import type { PlanLine } from './import-report';

/** A confirmed connection as files carry it (the database's link row). */
export interface LinkRecord {
  pair: string;
  a: string;
  b: string;
  status: 'confirmed';
  note: string;
  terms: string[];
  createdAt: number;
}

/** Where incoming item ids went: `undefined` when the item is neither in the file nor the library. */
export interface IdMaps {
  clip: (id: string) => string | undefined;
  highlight: (id: string) => string | undefined;
}

function readLink(value: unknown): Omit<LinkRecord, 'pair'> | null {
  if (value === null || typeof value !== 'object') return null;
  const { a, b, status, note, terms, createdAt } = value as Record<string, unknown>;
  const end = (key: unknown) => typeof key === 'string' && /^[ch]:./.test(key);
  if (!end(a) || !end(b) || a === b || status !== 'confirmed') return null;
  if (typeof note !== 'string' || typeof createdAt !== 'number' || !Number.isFinite(createdAt)) return null;
  if (!Array.isArray(terms) || !terms.every((term) => typeof term === 'string')) return null;
  return { a: a as string, b: b as string, status, note, terms: terms as string[], createdAt };
}

/** Plans the links: which to add, and a report line for each one skipped. */
export function planLinks(
  existingPairs: ReadonlySet<string>,
  incoming: readonly unknown[],
  ids: IdMaps,
): { add: LinkRecord[]; skipped: PlanLine[] } {
  const add: LinkRecord[] = [];
  const skipped: PlanLine[] = [];
  const seen = new Set(existingPairs);
  const skip = (title: string, reason: string) => skipped.push({ action: 'skipped', type: 'link', id: '', title, details: [reason] });
  const mapEnd = (key: string) => {
    const id = key.slice(2);
    const mapped = key.startsWith('c:') ? ids.clip(id) : ids.highlight(id);
    return mapped === undefined ? undefined : `${key.slice(0, 2)}${mapped}`;
  };
  for (const value of incoming) {
    const link = readLink(value);
    if (!link) {
      skip('a connection', 'it is not a confirmed connection Crisscross can read');
      continue;
    }
    const title = `${link.a} ↔ ${link.b}`;
    const a = mapEnd(link.a);
    const b = mapEnd(link.b);
    if (a === undefined || b === undefined) {
      skip(title, 'one of its items is neither in the file nor in your library');
      continue;
    }
    const pair = pairKey(a, b);
    if (seen.has(pair)) {
      skip(title, existingPairs.has(pair) ? 'already in your library (confirmed or dismissed)' : 'the file has it twice');
      continue;
    }
    seen.add(pair);
    add.push({ ...link, pair, a, b });
  }
  return { add, skipped };
}
