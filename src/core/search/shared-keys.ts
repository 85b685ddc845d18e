// One copy of each filter key (tag, site, collection) for all the items that carry it. Every item keeps
// its keys as stored fields; made per item, or parsed per item from a snapshot, the same few hundred
// sites and tags were held tens of thousands of times over (and an empty list once per item). Keys no
// item carries any more stay until the index is made again: a few strings each.
const NONE: readonly string[] = Object.freeze([]);

export class SharedKeys {
  private readonly copies = new Map<string, string>();

  /** The keys, as shared copies in a list that must not be changed (an item's keys are replaced, not edited). */
  share(keys: readonly string[] | undefined): string[] {
    if (!keys || keys.length === 0) return NONE as string[];
    return keys.map((key) => {
      const copy = this.copies.get(key);
      if (copy !== undefined) return copy;
      this.copies.set(key, key);
      return key;
    });
  }
}
