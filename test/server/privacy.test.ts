/**
 * docs/privacy.md, tried from the attacker's side: for each row of the threat model, another
 * signed-in member tries every path the server has (list, get, both event streams, a resume
 * with `Last-Event-ID: 0-0` and with a mid-log id, every error answer compared byte for byte
 * with a missing id's, idempotency keys, aggregates, the request log). One `describe` per row,
 * named as in the doc's "tests" column.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkInId, historyId } from '../../src/domain/capacity.js';
import { createPost, reflectionId, type Post } from '../../src/domain/offers.js';
import { recordId } from '../../src/domain/record-ids.js';
import {
  attackerSetup,
  call,
  ENGINES,
  eventually,
  openEvents,
  token,
  uniqueName,
  type Answer,
  checkIn,
} from './helpers.js';

const INTERVAL_MS = 150;
for (const engine of ENGINES) {
  describe(`privacy on ${engine}`, () => {
    const bench = attackerSetup(engine, {
      members: ['ana', 'ben', 'cai', 'dee', 'eve'],
      moderators: { mod: { sub: 'mo' } },
      config: { aggregateIntervalMs: INTERVAL_MS },
    });
    const { logLines, tokens, people, settle, resume, as, assertStreamsSilent } = bench;
    const watch = (c: string, collection: string, who = 'ben') => bench.watch(c, collection, who);

    /**
     * Every path an attacker has, for a record they may not see: it must not exist for them.
     * `secrets`: strings (its id, a note, …) that must appear nowhere they can read.
     */
    async function assertAbsent(
      view: Awaited<ReturnType<typeof watch>>,
      id: string,
      secrets: string[],
      body: unknown,
    ) {
      const { c, collection, who } = view;
      const attacker = people[who]!;
      const path = `/v1/${c}/${collection}/${id}`;
      const missing = `${id.slice(0, -1)}Q${uniqueName('never')}`;
      const missingPath = `/v1/${c}/${collection}/${missing}`;
      const leaks = (text: string) => secrets.filter((secret) => text.includes(secret));

      // Streams: nothing at all, not even a remove; nor any resume.
      await assertStreamsSilent(view, secrets);
      // The list.
      const list = await attacker.get(`/v1/${c}/${collection}`);
      assert.equal(list.status, 200);
      assert.deepEqual(leaks(list.text), [], 'the list');
      // Every error answer is exactly a missing id's.
      const pairs: [string, (p: string) => Promise<Answer>][] = [
        ['get', (p) => attacker.get(p)],
        ['delete', (p) => attacker.del(p)],
        ['delete with If-Match', (p) => attacker.del(p, 1)],
        ['put with If-Match', (p) => attacker.put(p, body, 1)],
        ['operation', (p) => attacker.op(p, { type: 'claim', claimId: 'x' })],
        ['operation with If-Match', (p) => attacker.op(p, { type: 'claim', claimId: 'x' }, 1)],
      ];
      for (const [what, send] of pairs) {
        const hidden = await send(path);
        const none = await send(missingPath);
        assert.ok(hidden.status >= 400, `${what}: refused`);
        assert.equal(as(hidden, id, 'ID'), as(none, missing, 'ID'), `${what}: answered as for a missing id`);
        // The id is in the answer only because the attacker sent it (a missing id's answer names it too).
        assert.deepEqual(
          leaks(hidden.text).filter((secret) => secret !== id),
          [],
          what,
        );
      }
    }

    describe('privacy: reflections are absent for others', () => {
      test('a reflection and its draft are their author’s alone, through every path', async () => {
        for (const collection of ['reflections', 'reflection-drafts']) {
          const c = uniqueName();
          const view = await watch(c, collection);
          const id = collection === 'reflections' ? uniqueName('entry') : recordId('post-1');
          const words = `words-${uniqueName()}`;
          const value =
            collection === 'reflections'
              ? {
                  authorId: 'ana',
                  createdAt: new Date().toISOString(),
                  updatedAt: new Date().toISOString(),
                  postId: 'post-1',
                  promptSet: 'check-in',
                  questions: [{ id: 'feeling', kind: 'text', label: 'How was it?' }],
                  answers: { feeling: words },
                }
              : {
                  postId: 'post-1',
                  authorId: 'ana',
                  step: 0,
                  updatedAt: new Date().toISOString(),
                  answers: { feeling: words },
                };
          const saved = await people.ana!.put(`/v1/${c}/${collection}/${id}`, value);
          assert.ok(saved.status === 201, saved.text);
          assert.equal((await people.ana!.get(`/v1/${c}/${collection}/${id}`)).status, 200);
          assert.equal(
            (await people.mod!.get(`/v1/${c}/${collection}/${id}`)).status,
            404,
            'not moderators either',
          );
          await assertAbsent(view, id, [id, words], value);
          for (const s of view.streams) await s.close();
        }
      });
    });

    describe('privacy: counts carry nobody, one per person', () => {
      test('counts are one per person, written by the server, and name nobody in records, log, streams or the request log', async () => {
        const c = uniqueName();
        const id = recordId('post-9');
        const view = await watch(c, 'reflection-counts');
        const path = `/v1/${c}/reflection-counts/${id}`;
        const count = { type: 'count', postId: 'post-9' };
        const before = logLines.length;
        // Below three readers the count is absent for everyone, its counters included: the same
        // answer (200, count 0) for the first reader, a repeat and the second; nothing to get, list or hear.
        const hidden = { postId: 'post-9', count: 0 };
        for (let i = 0; i < 5; i++) {
          const answer = await people.ana!.op(path, count);
          assert.equal(answer.status, 200, 'never a 201 that says "you are the first"');
          assert.deepEqual(answer.body.value, hidden, 'ana, again');
        }
        assert.deepEqual(
          (await people.cai!.op(path, count)).body.value,
          hidden,
          'two readers: nothing shown',
        );
        const missing = await people.ben!.get(`/v1/${c}/reflection-counts/${recordId('never-counted')}`);
        const early = await people.ben!.get(path);
        assert.equal(early.status, missing.status, 'like a post nobody counted');
        assert.equal(early.body.error.code, missing.body.error.code);
        assert.deepEqual((await people.ben!.get(`/v1/${c}/reflection-counts`)).body.items, []);
        await settle(view.streams, c);
        assert.deepEqual(
          view.streams.flatMap((s) => s.changes()).filter((ch) => ch.collection === 'reflection-counts'),
          [],
          'no event while the count is below three',
        );
        // The third reader: now it shows, and a repeat changes nothing.
        assert.equal((await people.dee!.op(path, count)).body.value.count, 3);
        assert.equal((await people.ana!.op(path, count)).body.value.count, 3, 'ana, once more');
        const record = (await people.ben!.get(path)).body;
        assert.deepEqual(record.value, { postId: 'post-9', count: 3 });
        assert.equal(record.author, 'anonymous');
        assert.equal(record.id, id, 'the id is the post’s alone');
        // Nobody writes or removes a count by hand, not even to inflate it.
        assert.equal((await people.ana!.put(path, { postId: 'post-9', count: 50 }, record.rev)).status, 403);
        assert.equal(
          (await people.ana!.put(`/v1/${c}/reflection-counts/other`, { postId: 'post-9', count: 1 })).status,
          403,
        );
        assert.equal((await people.mod!.del(path)).status, 403);
        await settle(view.streams, c);
        const sent = view.streams
          .flatMap((s) => s.changes())
          .filter((ch) => ch.collection === 'reflection-counts');
        assert.ok(sent.length >= 1);
        for (const change of sent) assert.equal(change.record.author, 'anonymous');
        // The request log leaves out the person for these writes.
        const lines = logLines
          .slice(before)
          .filter((line) => line.includes('reflection-counts') && line.includes('"POST"'));
        assert.ok(lines.length >= 6, 'the count writes were logged');
        for (const line of lines)
          assert.ok(
            !/"person"/.test(line) &&
              !line.includes('"ana"') &&
              !line.includes('"cai"') &&
              !line.includes('"dee"'),
            line,
          );
        // The database holds no person for them: record, log and marks.
        const rows = await bench.server.db.query<{ row: string }>(
          `SELECT row_to_json(x)::text AS row FROM (
             SELECT author, owner, value::text FROM tend_records WHERE community = $1 AND collection = 'reflection-counts'
             UNION ALL SELECT owner, kind, id FROM tend_changes WHERE community = $1 AND collection = 'reflection-counts'
           ) x`,
          [c],
        );
        const marks = await bench.server.db.query<{ mark: string }>('SELECT mark FROM tend_count_marks');
        for (const text of [...rows.map((r) => r.row), ...marks.map((m) => m.mark)])
          assert.ok(!text.includes('ana') && !text.includes('cai') && !text.includes('dee'), text);
        for (const s of view.streams) await s.close();
      });
    });

    describe('privacy: a just-me check-in is absent', () => {
      test('saving, changing and clearing a just-me check-in tells another member nothing', async () => {
        const c = uniqueName();
        const view = await watch(c, 'check-ins');
        const id = checkInId('street', 'ana');
        const path = `/v1/${c}/check-ins/${id}`;
        const value = checkIn('ana', 'just-me', { note: 'a quiet week' });
        assert.equal((await people.ana!.put(path, value)).status, 201);
        assert.equal((await people.ana!.put(path, { ...value, level: 'resting' }, 1)).status, 200);
        await assertAbsent(view, id, [id, 'a quiet week', 'ana name'], value);
        assert.equal((await people.ana!.del(path)).status, 204);
        await assertAbsent(view, id, [id, 'a quiet week', 'ana name'], value);
        // Creating under someone else's id is refused for the id alone, whether or not it exists.
        await people.ana!.put(path, value);
        const taken = await people.ben!.put(path, checkIn('ana', 'circle'));
        const free = await people.ben!.put(
          `/v1/${c}/check-ins/${checkInId('street', 'nobody')}`,
          checkIn('nobody', 'circle'),
        );
        assert.equal(taken.status, 403);
        assert.equal(taken.text, free.text);
        for (const s of view.streams) await s.close();
      });
    });

    describe('privacy: counted-only people are never a figure of their own', () => {
      test('two named and one counted: no figure differs from the named count; one counted person alone changes nothing', async () => {
        const c = uniqueName();
        const view = await watch(c, 'check-ins', 'eve');
        const aggregate = async (kinds = 'listening', who = 'eve') =>
          (await people[who]!.get(`/v1/${c}/aggregates/circle?circle=street&kinds=${kinds}`)).body;
        const first = await aggregate();
        assert.equal(first.minGroup, 3);
        await people.ana!.put(`/v1/${c}/check-ins/${checkInId('street', 'ana')}`, checkIn('ana', 'circle'));
        await people.ben!.put(`/v1/${c}/check-ins/${checkInId('street', 'ben')}`, checkIn('ben', 'circle'));
        const counted = checkInId('street', 'cai');
        await people.cai!.put(
          `/v1/${c}/check-ins/${counted}`,
          checkIn('cai', 'counted', { kinds: ['listening', 'lifts'] }),
        );
        // Wait past a few intervals, then read: figures never come to 3 with cai alone behind the third.
        await new Promise((r) => setTimeout(r, INTERVAL_MS * 4));
        const figures = await aggregate('listening,lifts');
        assert.equal(figures.withRoom, null, 'two named + one counted: below the minimum group');
        for (const kind of figures.kinds) {
          assert.equal(kind.withRoom, null, kind.kind);
          assert.deepEqual(Object.values(kind.levels), [null, null, null], kind.kind);
        }
        assert.ok(!JSON.stringify(figures).includes('cai'), 'the counted person is named nowhere');
        // The page cannot lower the minimum group.
        const lowered = await call(
          bench.server.url,
          'GET',
          `/v1/${c}/aggregates/circle?circle=street&kinds=listening&minGroup=1&min-group=1`,
          {
            token: tokens.eve,
          },
        );
        assert.equal(lowered.body.withRoom, null);
        // Another person's counted check-in is no record for anyone else.
        assert.equal((await people.eve!.get(`/v1/${c}/check-ins/${counted}`)).status, 404);
        await assertAbsent(view, counted, [counted, 'note of cai', 'cai name'], checkIn('cai', 'counted'));

        // A third named person: the figure shows 3, the named people, never the counted one.
        const aggregateEvents = () => view.streams[0]!.events.filter((e) => e.event === 'aggregate').length;
        await people.dee!.put(`/v1/${c}/check-ins/${checkInId('street', 'dee')}`, checkIn('dee', 'circle'));
        await view.streams[0]!.next((e) => e.event === 'aggregate', 5000);
        const three = await aggregate();
        assert.equal(three.withRoom, 3, 'three named; the one counted person is left out');
        assert.equal(three.kinds[0].withRoom, 3);
        // The counted person alone changes level, kinds, then leaves: no figure moves, no event comes.
        await new Promise((r) => setTimeout(r, INTERVAL_MS * 3));
        const eventsBefore = aggregateEvents();
        await people.cai!.put(
          `/v1/${c}/check-ins/${counted}`,
          checkIn('cai', 'counted', { level: 'resting' }),
          1,
        );
        await new Promise((r) => setTimeout(r, INTERVAL_MS * 4));
        await people.cai!.del(`/v1/${c}/check-ins/${counted}`);
        await new Promise((r) => setTimeout(r, INTERVAL_MS * 4));
        assert.equal(aggregateEvents(), eventsBefore, 'no aggregate event for one counted person');
        assert.deepEqual(await aggregate(), three, 'the same figures');
        // Asking for other kinds or again gets the same snapshot; unknown kinds are nulls.
        const other = await aggregate('listening,hosting,zzz');
        assert.deepEqual(other.kinds[0], three.kinds[0]);
        assert.equal(other.kinds[2].withRoom, null);
        for (const s of view.streams) await s.close();
      });
    });

    describe('privacy: a named check-in is seen, and its removal when it turns private', () => {
      test('the circle sees a named check-in, then a remove when it turns just-me, and never its old version again', async () => {
        const c = uniqueName();
        const view = await watch(c, 'check-ins');
        const id = checkInId('street', 'ana');
        const path = `/v1/${c}/check-ins/${id}`;
        assert.equal(
          (await people.ana!.put(path, checkIn('ana', 'circle', { note: 'come by' }))).status,
          201,
        );
        for (const s of view.streams)
          await s.next(
            (e) => e.event === 'message' && JSON.parse(e.data).id === id && JSON.parse(e.data).type === 'put',
          );
        assert.equal((await people.ben!.get(path)).body.value.note, 'come by');
        assert.equal((await people.ben!.get(`/v1/${c}/check-ins`)).body.items.length, 1);
        // Turned private: a remove to those who saw it, and then nothing of the new version.
        await people.ana!.put(path, checkIn('ana', 'just-me', { note: 'not today' }), 1);
        for (const s of view.streams)
          await s.next(
            (e) =>
              e.event === 'message' && JSON.parse(e.data).id === id && JSON.parse(e.data).type === 'remove',
          );
        await people.ana!.put(path, checkIn('ana', 'just-me', { note: 'still not' }), 2);
        await settle(view.streams, c);
        for (const s of view.streams) {
          const mine = s.changes().filter((ch) => ch.id === id);
          assert.deepEqual(
            mine.map((ch) => ch.type),
            ['put', 'remove'],
          );
          assert.ok(
            !JSON.stringify(s.events).includes('not today') &&
              !JSON.stringify(s.events).includes('still not'),
          );
        }
        // A resume from before, from this log's start or from an old id: never the old version.
        const logId = view.mid.split('.')[0]!;
        for (const from of [view.mid, `${logId}.0-0`, '0-0']) {
          const events = await resume(`${bench.server.url}/v1/${c}/events`, 'ben', from);
          const text = JSON.stringify(events);
          assert.ok(!text.includes('come by'), `old version from ${from}`);
          assert.ok(!text.includes('not today') && !text.includes('still not'));
        }
        // The owner resuming gets the present only, once.
        const own = await resume(`${bench.server.url}/v1/${c}/events`, 'ana', view.mid);
        const ownChanges = own.filter((e) => e.event === 'message' && e.data.includes(id));
        assert.equal(ownChanges.length, 1);
        assert.equal(JSON.parse(ownChanges[0]!.data).record.value.note, 'still not');
        assert.equal((await people.ben!.get(path)).status, 404);
        for (const s of view.streams) await s.close();
      });
    });

    describe('privacy: history is absent for others', () => {
      test('a day of a person’s pattern is theirs alone', async () => {
        const c = uniqueName();
        const view = await watch(c, 'check-in-history');
        const id = historyId('ana', '2026-01-02');
        const value = { personId: 'ana', circle: 'hidden-circle', date: '2026-01-02', level: 'resting' };
        assert.equal((await people.ana!.put(`/v1/${c}/check-in-history/${id}`, value)).status, 201);
        await assertAbsent(view, id, [id, 'hidden-circle'], value);
        for (const s of view.streams) await s.close();
      });
    });

    describe("privacy: asks are the asker's alone", () => {
      test('who asked whom is the asker’s; the circle learns only how often a named person was asked', async () => {
        const c = uniqueName();
        const view = await watch(c, 'asks', 'cai');
        await people.ben!.put(`/v1/${c}/check-ins/${checkInId('street', 'ben')}`, checkIn('ben', 'circle'));
        await people.dee!.put(`/v1/${c}/check-ins/${checkInId('street', 'dee')}`, checkIn('dee', 'counted'));
        const ask = (askedId: string) => ({
          circle: 'street',
          askerId: 'ana',
          askedId,
          kind: 'listening',
          at: new Date().toISOString(),
        });
        const id = uniqueName('ask');
        assert.equal((await people.ana!.put(`/v1/${c}/asks/${id}`, ask('ben'))).status, 201);
        await people.ana!.put(`/v1/${c}/asks/${id}-2`, ask('dee'));
        assert.equal((await people.ana!.get(`/v1/${c}/asks`)).body.items.length, 2);
        await assertAbsent(view, id, [id, '"askerId"'], ask('ben'));
        const figures = (await people.cai!.get(`/v1/${c}/aggregates/circle?circle=street&kinds=listening`))
          .body;
        assert.deepEqual(figures.asked, [{ personId: 'ben', count: 1 }], 'named people only, by how often');
        for (const s of view.streams) await s.close();
      });
    });

    const offer = (extra: Partial<Post> = {}): Post =>
      ({
        ...createPost(
          'maple',
          { kind: 'offer', title: 'Soup', category: 'meals', slots: 2, privateDetails: 'Flat 2, ring twice' },
          { id: 'ana', name: 'ANA' },
          new Date(),
        ),
        ...extra,
      }) as Post;

    describe('privacy: helper-only details cannot be read or guessed', () => {
      test('details reach no one but the author, an accepted claimant and moderators: not by guessing, nor by an idempotency key', async () => {
        const c = uniqueName();
        const view = await watch(c, 'posts', 'cai');
        const path = `/v1/${c}/posts/p`;
        const post = offer();
        assert.equal((await people.ana!.put(path, post)).status, 201);
        const seen = (await people.cai!.get(path)).body;
        assert.equal(seen.value.privateDetails, undefined);
        // Guessing right and guessing wrong get the same answer: no whole-post write at all.
        const right = await people.cai!.put(
          path,
          { ...seen.value, privateDetails: 'Flat 2, ring twice' },
          seen.rev,
        );
        const wrong = await people.cai!.put(path, { ...seen.value, privateDetails: 'Flat 9' }, seen.rev);
        assert.equal(right.status, 403);
        assert.equal(right.text, wrong.text);
        // Ben claims by operation; the details reach him, never Cai, in any path.
        assert.equal(
          (await people.ben!.op(path, { type: 'claim', claimId: 'k1' })).body.value.privateDetails,
          'Flat 2, ring twice',
        );
        // An idempotency key used for a claim that returned the details, reused on another
        // request (another collection, record, operation or method), is refused, never replayed.
        const key = { 'idempotency-key': 'shared-key' };
        const dees = await people.dee!.op(path, { type: 'claim', claimId: 'k2' }, undefined, key);
        assert.equal(dees.body.value.privateDetails, 'Flat 2, ring twice');
        for (const other of [
          () => people.dee!.put(`/v1/${c}/notes/n2`, { hi: 1 }, undefined, key),
          () => people.dee!.op(`/v1/${c}/posts/q`, { type: 'claim', claimId: 'k2' }, undefined, key),
          () => people.dee!.op(path, { type: 'release', claimId: 'k2' }, undefined, key),
          () => people.dee!.op(path, { type: 'claim', claimId: 'k3' }, undefined, key),
          () => call(bench.server.url, 'DELETE', path, { token: tokens.dee, headers: key }),
          () =>
            call(bench.server.url, 'POST', `${path}/ops`, {
              token: tokens.dee,
              headers: key,
              body: '{"type":"claim", "claimId":"k2"}',
            }),
          () =>
            call(bench.server.url, 'POST', `/v1/${c}-other/posts/p/ops`, {
              token: tokens.dee,
              headers: key,
              body: { type: 'claim', claimId: 'k2' },
            }),
        ]) {
          const answer = await other();
          assert.equal(answer.status, 422, answer.text);
          assert.equal(answer.body.error.code, 'idempotency-key-reused');
          assert.ok(!answer.text.includes('ring twice'));
        }
        // The same key from another person is their own key: no answer of Dee's reaches Cai.
        const cais = await people.cai!.op(path, { type: 'claim', claimId: 'k9' }, undefined, key);
        assert.equal(cais.status, 409, cais.text);
        assert.ok(!cais.text.includes('ring twice'));
        // The same request again is the same answer, through the viewer's view.
        const replay = await people.dee!.op(path, { type: 'claim', claimId: 'k2' }, undefined, key);
        assert.equal(replay.status, 200);
        assert.equal(replay.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual(replay.body, dees.body);
        await settle(view.streams, c);
        for (const s of view.streams) assert.ok(!JSON.stringify(s.events).includes('ring twice'), 'streams');
        for (const from of [view.mid, `${view.mid.split('.')[0]}.0-0`])
          assert.ok(
            !JSON.stringify(await resume(`${bench.server.url}/v1/${c}/events`, 'cai', from)).includes(
              'ring twice',
            ),
          );
        assert.ok(!(await people.cai!.get(`/v1/${c}/posts`)).text.includes('ring twice'));
        assert.equal((await people.mod!.get(path)).body.value.privateDetails, 'Flat 2, ring twice');
        // A full offer says so; a refused operation writes nothing.
        assert.equal(cais.body.error.code, 'full');
        assert.equal((await people.ana!.get(path)).body.value.claims.length, 2);
        for (const s of view.streams) await s.close();
      });
    });

    describe('integrity: only the author rewrites a post', () => {
      test('a member cannot take over a post by re-sending it; author never changes; operations keep it valid', async () => {
        const c = uniqueName();
        const path = `/v1/${c}/posts/p`;
        assert.equal((await people.ana!.put(path, offer())).status, 201);
        const seen = (await people.ben!.get(path)).body;
        const takeover = await people.ben!.put(path, seen.value, seen.rev);
        assert.equal(takeover.status, 403);
        assert.equal(takeover.body.error.code, 'use-operation');
        assert.match(takeover.body.error.message, /ops/);
        const claimed = await people.ben!.op(path, { type: 'claim', claimId: 'k1' }, seen.rev);
        assert.equal(claimed.status, 200);
        assert.equal(claimed.body.author, 'ana', 'author stays who created it');
        // The author's next edit does not conflict with anything Ben did but his claim.
        const now = (await people.ana!.get(path)).body;
        assert.equal(now.author, 'ana');
        const edit = await people.ana!.put(path, { ...now.value, title: 'Soup on Sunday' }, now.rev);
        assert.equal(edit.status, 200, edit.text);
        assert.equal(edit.body.author, 'ana');
        // If-Match on an operation is strict.
        const stale = await people.cai!.op(path, { type: 'claim', claimId: 'k2' }, seen.rev);
        assert.equal(stale.status, 409);
        assert.equal(stale.body.error.code, 'conflict');
        // Operations act as their sender only; the author's steps are the author's.
        assert.equal((await people.cai!.op(path, { type: 'accept', claimId: 'k1' })).status, 403);
        assert.equal((await people.ana!.op(path, { type: 'done', claimId: 'k1' })).status, 200);
        assert.equal(
          (await people.ben!.op(path, { type: 'claim', claimId: 'k1' })).status !== 200,
          true,
          'no second claim on a done one',
        );
        const final = (await people.ana!.get(path)).body;
        assert.equal(final.author, 'ana');
      });
    });

    describe('privacy: offer reflections are absent for others', () => {
      test('“would you offer this again?” is its person’s alone', async () => {
        const c = uniqueName();
        const view = await watch(c, 'offer-reflections');
        const id = reflectionId('p', 'ana');
        const value = { postId: 'p', personId: 'ana', again: false, at: new Date().toISOString() };
        assert.equal((await people.ana!.put(`/v1/${c}/offer-reflections/${id}`, value)).status, 201);
        await assertAbsent(view, id, [id, '"again"'], value);
        for (const s of view.streams) await s.close();
      });
    });

    describe('streams: positions and tokens', () => {
      test('an id past the end of the log, or from another log, gets reset', async () => {
        const c = uniqueName();
        const view = await watch(c, 'notes');
        const logId = view.mid.split('.')[0]!;
        for (const from of [`${logId}.99999999999-99999999`, `000000000000.1-1`, 'nonsense']) {
          const events = await resume(`${bench.server.url}/v1/${c}/events`, 'ben', from);
          assert.deepEqual(
            events.map((e) => e.event),
            ['reset', 'ready'],
            from,
          );
        }
        for (const s of view.streams) await s.close();
      });

      test('a stream ends when its token expires', async () => {
        const c = uniqueName();
        const short = await token('ben', { expiresInSeconds: 2 });
        const s = await openEvents(`${bench.server.url}/v1/${c}/events`, { token: short });
        await s.next((e) => e.event === 'ready');
        await eventually(() => s.ended, 6000, 'the stream to end');
        assert.ok(!s.events.some((e) => e.event === 'reset'), 'no reset: the client just reconnects');
      });
    });
  });
}
