// Parses the search box: filter syntax (tag:, site:, type:, collection:, after:, before:) and free text.
import { normalizeKey } from './normalize';
import { normalizeSite } from './filters';
import type { ItemType, SearchFilters } from './types';

/** What the search box asked for. */
export interface ParsedQuery {
  /** Free text, filters removed, words separated by single spaces. */
  text: string;
  filters: SearchFilters;
  /**
   * False while the last free-text word is still being typed (no space after it yet).
   * The query planner only treats that word as a prefix in that case.
   */
  lastWordComplete: boolean;
  /** Filter tokens with a known key but a value that could not be understood (e.g. "after:yesterday"). */
  invalid: string[];
}

const KEYS = new Set(['tag', 'site', 'type', 'collection', 'after', 'before']);
const KEY_PREFIX = /([A-Za-z]+):/y;
const WHITESPACE = /\s/;

/**
 * Splits search-box input into free text and filters.
 *
 * Values may be quoted (`tag:"social media"`); an unclosed quote runs to the end,
 * which is what you get mid-typing. Keys are case-insensitive. Unknown prefixes
 * (`note:x`, `http://…`) stay free text. A known key with nothing after it yet
 * (`tag:`) is ignored rather than searched as the word "tag". Repeated filters
 * combine: every tag and collection must match, any site or type may.
 * Pure: no clock, no storage; dates are read as local midnight.
 */
export function parseQuery(input: string): ParsedQuery {
  const filters: SearchFilters = {};
  const textParts: string[] = [];
  const invalid: string[] = [];
  let lastTokenOpen = false;
  let i = 0;
  const n = input.length;

  while (i < n) {
    while (i < n && WHITESPACE.test(input.charAt(i))) i++;
    if (i >= n) break;

    KEY_PREFIX.lastIndex = i;
    const keyMatch = KEY_PREFIX.exec(input);
    const key = keyMatch?.[1]?.toLowerCase();
    if (keyMatch && key && KEYS.has(key)) {
      const { value, end } = readValue(input, i + keyMatch[0].length);
      const raw = input.slice(i, end);
      i = end;
      lastTokenOpen = false;
      if (value.trim() === '') continue;
      if (!applyFilter(filters, key, value)) invalid.push(raw);
      continue;
    }

    const { value, end, closed } = readValue(input, i);
    i = end;
    // A word running into the end of input is still being typed, unless it was a quote that got closed.
    lastTokenOpen = end >= n && !closed;
    if (value.trim() !== '') textParts.push(value.trim());
  }

  return {
    text: textParts.join(' ').replace(/\s+/g, ' '),
    filters,
    lastWordComplete: !lastTokenOpen,
    invalid,
  };
}

/** Reads a bare word up to whitespace, or a quoted string up to its closing quote (or the end). */
function readValue(input: string, start: number): { value: string; end: number; closed: boolean } {
  if (input.charAt(start) === '"') {
    const close = input.indexOf('"', start + 1);
    if (close < 0) return { value: input.slice(start + 1), end: input.length, closed: false };
    return { value: input.slice(start + 1, close), end: close + 1, closed: true };
  }
  let end = start;
  while (end < input.length && !WHITESPACE.test(input.charAt(end))) end++;
  return { value: input.slice(start, end), end, closed: false };
}

/** Adds one filter; false when the value makes no sense for the key. */
function applyFilter(filters: SearchFilters, key: string, rawValue: string): boolean {
  const value = rawValue.trim();
  switch (key) {
    case 'tag': {
      const tag = normalizeKey(value);
      if (!tag) return false;
      filters.tags = [...(filters.tags ?? []), tag];
      return true;
    }
    case 'collection': {
      const name = normalizeKey(value);
      if (!name) return false;
      filters.collections = [...(filters.collections ?? []), name];
      return true;
    }
    case 'site': {
      const site = normalizeSite(value);
      if (!site) return false;
      filters.sites = [...(filters.sites ?? []), site];
      return true;
    }
    case 'type': {
      const type = parseType(value);
      if (!type) return false;
      filters.types = [...(filters.types ?? []), type];
      return true;
    }
    case 'after': {
      const start = parseDateStart(value);
      if (start === null) return false;
      // Several after: bounds mean the latest one.
      filters.after = filters.after === undefined ? start : Math.max(filters.after, start);
      return true;
    }
    case 'before': {
      const start = parseDateStart(value);
      if (start === null) return false;
      filters.before = filters.before === undefined ? start : Math.min(filters.before, start);
      return true;
    }
    default:
      return false;
  }
}

function parseType(value: string): ItemType | null {
  const v = value.toLowerCase();
  if (v === 'clip' || v === 'clips' || v === 'page' || v === 'pages') return 'clip';
  if (v === 'highlight' || v === 'highlights') return 'highlight';
  return null;
}

const DATE = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$/;

/**
 * Local midnight at the start of YYYY, YYYY-MM or YYYY-MM-DD, in epoch ms, or null.
 * `after:D` keeps items saved from that instant on (D included); `before:D` keeps
 * those saved before it (D excluded), so after:2024-01-01 before:2024-02-01 is January.
 */
export function parseDateStart(value: string): number | null {
  const m = DATE.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  const date = new Date(year, month - 1, day);
  // Date rolls 2024-02-30 over into March; a roll-over means the date did not exist.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.getTime();
}

/** Combines two filter sets so that results must satisfy both. */
export function mergeFilters(a: SearchFilters, b: SearchFilters): SearchFilters {
  const merged: SearchFilters = {};
  const tags = [...(a.tags ?? []), ...(b.tags ?? [])];
  const collections = [...(a.collections ?? []), ...(b.collections ?? [])];
  if (tags.length) merged.tags = tags;
  if (collections.length) merged.collections = collections;
  // Sites and types are alternatives within one set; across sets both must hold, so intersect.
  const sites = intersectAlternatives(a.sites, b.sites);
  const types = intersectAlternatives(a.types, b.types);
  if (sites) merged.sites = sites;
  if (types) merged.types = types;
  const after = maxDefined(a.after, b.after);
  const before = minDefined(a.before, b.before);
  if (after !== undefined) merged.after = after;
  if (before !== undefined) merged.before = before;
  return merged;
}

function intersectAlternatives<T>(a: T[] | undefined, b: T[] | undefined): T[] | undefined {
  if (!a?.length) return b?.length ? [...b] : undefined;
  if (!b?.length) return [...a];
  // An empty intersection is kept (and matches nothing) rather than dropped (which would match everything).
  return a.filter((x) => b.includes(x));
}

function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}
