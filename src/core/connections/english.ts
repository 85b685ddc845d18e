// How common a term is in general English, from a generated table: the prior that steadies a small library's weights.
import { ENGLISH_DF, ENGLISH_TEXTS } from './english-df';

let shares: Map<string, number> | undefined;

/** Parsed on first use: the background worker pays for it only once connections are asked for. */
function table(): Map<string, number> {
  if (shares) return shares;
  shares = new Map();
  for (const group of ENGLISH_DF.split('\n')) {
    const colon = group.indexOf(':');
    const share = Number(group.slice(0, colon)) / ENGLISH_TEXTS;
    for (const term of group.slice(colon + 1).split(' ')) shares.set(term, share);
  }
  return shares;
}

/** Share of general English texts a term (a stemmed word) occurs in; 0 for terms too rare to be listed. */
export function englishShare(term: string): number {
  return table().get(term) ?? 0;
}
