/**
 * Puts that arrive together go to the database together (one statement, one commit), and each
 * still gets its own answer: created, updated, or refused because the record moved on.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openDatabase, sqlState, type Database, type Queryable } from '../../src/server/db.js';
import { createLogger } from '../../src/server/logger.js';
import { getRecord, putRecord, PutBatcher, type PutInput } from '../../src/server/records.js';
import { ENGINES, freshDataDir, PG_URL, uniqueName, type Engine } from './helpers.js';

async function database(engine: Engine): Promise<{ db: Database; done: () => Promise<void> }> {
  const logger = createLogger({ level: 'silent' });
  if (engine === 'postgres') {
    const db = await openDatabase({ databaseUrl: PG_URL, dataDir: '', poolSize: 4, logger });
    return { db, done: () => db.close() };
  }
  const data = await freshDataDir();
  const db = await openDatabase({ dataDir: data.dir, poolSize: 1, logger });
  return { db, done: async () => (await db.close(), data.remove()) };
}

/** Counts the statements that reach the database. */
function counting(db: Queryable): Queryable & { statements: number } {
  const counter = {
    statements: 0,
    query<R>(sql: string, params?: readonly unknown[]) {
      counter.statements++;
      return db.query<R>(sql, params);
    },
  };
  return counter;
}

const put = (text: string, expectedRev: number | null = null, key?: string): PutInput => ({
  valueJson: JSON.stringify({ text }),
  actor: 'ana',
  expectedRev,
  wasPublic: expectedRev !== null,
  isPublic: true,
  idempotency: key ? { actor: 'ana', key, method: 'PUT', bodyHash: text } : undefined,
});

for (const engine of ENGINES) {
  describe(`batched puts on ${engine}`, () => {
    test('puts that arrive together share a statement, and each gets its own answer', async () => {
      const { db, done } = await database(engine);
      try {
        const community = uniqueName();
        const at = (id: string) => ({ community, collection: 'notes', id });
        await putRecord(db, at('existing'), put('was here'));
        const updatable = await putRecord(db, at('updatable'), put('v1'));
        const counted = counting(db);
        const batcher = new PutBatcher(counted, { maxInFlight: 1 });

        const fresh = Array.from({ length: 20 }, (_, i) =>
          batcher.put(at(`n${i}`), put(`note ${i}`, null, `key-${community}-${i}`)),
        );
        const [createExisting, update, stale, twiceFirst, twiceSecond] = await Promise.all([
          batcher.put(at('existing'), put('again')),
          batcher.put(at('updatable'), put('v2', updatable!.rev)),
          batcher.put(at('existing'), put('stale', 7)),
          batcher.put(at('twice'), put('first')),
          batcher.put(at('twice'), put('second')),
        ]);
        const created = await Promise.all(fresh);

        for (const [i, result] of created.entries()) {
          assert.ok(result, `n${i} was created`);
          assert.equal(result.rev, 1);
          assert.deepEqual(JSON.parse(result.json).value, { text: `note ${i}` });
        }
        assert.equal(
          new Set(created.map((r) => r!.seq)).size,
          20,
          'each change has its own place in the log',
        );
        assert.equal(createExisting, undefined, 'a create over an existing record is refused');
        assert.equal(update?.rev, 2);
        assert.equal(stale, undefined, 'a stale revision is refused');
        assert.equal(twiceFirst?.rev, 1, 'the first put of a record in a tick is written');
        assert.equal(twiceSecond, undefined, 'the second went in the next batch, and found the record there');
        assert.ok(counted.statements < 10, `25 puts took ${counted.statements} statements`);

        const stored = await getRecord(db, at('existing'));
        assert.deepEqual(JSON.parse(stored!.json).value, { text: 'was here' });
        // Idempotency entries were stored for the batch: a replay finds them.
        const replayed = await db.query<{ status: number }>(
          'SELECT status FROM tend_idempotency WHERE actor = $1 AND key = $2',
          ['ana', `key-${community}-3`],
        );
        assert.equal(Number(replayed[0]?.status), 201);
      } finally {
        await done();
      }
    });

    test('a batch spoiled by one put is retried one by one: only that put fails', async () => {
      const { db, done } = await database(engine);
      try {
        const community = uniqueName();
        const at = (id: string) => ({ community, collection: 'notes', id });
        const key = `shared-${community}`;
        const batcher = new PutBatcher(db, { maxInFlight: 1 });
        // Two different records with one idempotency key: the second breaks the key's uniqueness.
        const results = await Promise.allSettled([
          batcher.put(at('a'), put('a', null, key)),
          batcher.put(at('b'), put('b', null, key)),
          batcher.put(at('c'), put('c')),
        ]);
        const rejected = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
        assert.equal(rejected.length, 1);
        assert.equal(sqlState(rejected[0]!.reason), '23505');
        assert.ok(await getRecord(db, at('c')), 'the innocent put was written');
        const written = [await getRecord(db, at('a')), await getRecord(db, at('b'))].filter(Boolean);
        assert.equal(written.length, 1, 'one of the two sharing the key was written');
      } finally {
        await done();
      }
    });
  });
}
