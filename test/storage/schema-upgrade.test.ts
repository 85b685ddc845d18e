import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { CrisscrossDb, SCHEMA_VERSIONS } from '../../src/storage/db';
import { makeCapture } from '../fixtures/captures';

describe('schema upgrades', () => {
  it('opens a database made with every earlier version and keeps its data', async () => {
    const latest = SCHEMA_VERSIONS.at(-1)!.version;
    for (const { version } of SCHEMA_VERSIONS.slice(0, -1)) {
      const name = `upgrade-from-${version}-${Math.random()}`;
      const old = new CrisscrossDb(name, { upToVersion: version });
      await old.clips.add({ ...makeCapture(), id: 'kept', savedAt: 1, updatedAt: 1 });
      expect(old.verno).toBe(version);
      old.close();

      const current = new CrisscrossDb(name);
      await current.open();
      expect(current.verno).toBe(latest);
      expect(await current.clips.get('kept')).toMatchObject({ id: 'kept', title: makeCapture().title });
      expect(await current.clips.where('aliases').equals(makeCapture().url).count()).toBe(1);
      await current.delete();
    }
  });

  it('only appends versions, in increasing order', () => {
    const versions = SCHEMA_VERSIONS.map((entry) => entry.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});
