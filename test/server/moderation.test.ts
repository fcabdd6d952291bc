/**
 * docs/moderation.md and the concern rows of docs/privacy.md, tried from the attacker's side:
 * another member, the author of the post a concern is about, the raiser of an anonymous concern
 * in another browser (without its key), someone with a wrong key, and a member guessing ids try
 * every path the server has (list, get, both event streams, resumes with `Last-Event-ID`, every
 * error answer compared byte for byte with a missing id's, idempotency keys, figures, the request
 * log and the database itself). One `describe` per row, named as in privacy.md.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { newConcernKey } from '../../src/domain/concerns.js';
import { createPost, type Post } from '../../src/domain/offers.js';
import { randomId } from '../../src/domain/record-ids.js';
import {
  attackerSetup,
  call,
  client,
  ENGINES,
  eventually,
  openEvents,
  SECRET,
  startTestServer,
  token,
  uniqueName,
  type Answer,
  type AttackerView,
} from './helpers.js';

const INTERVAL_MS = 150;
const BOARD = 'maple';

for (const engine of ENGINES) {
  describe(`moderation on ${engine}`, () => {
    const bench = attackerSetup(engine, {
      members: ['ana', 'ben', 'cai', 'dee'],
      moderators: { mod: { sub: 'mo', name: 'Mo' }, mod2: { sub: 'mo2', name: 'Mo Two' } },
      config: { aggregateIntervalMs: INTERVAL_MS, anonymousLimit: false },
    });
    const { logLines, tokens, people, watch, settle, resume, as, assertStreamsSilent } = bench;
    type View = AttackerView;

    /**
     * A concern that does not exist for `view.who`: streams, resumes, lists (concerns and the
     * audit log) and every answer, compared with the answer for an id never used.
     */
    async function assertConcernAbsent(view: View, id: string, secrets: string[]) {
      const { c, who } = view;
      const attacker = people[who]!;
      const path = `/v1/${c}/concerns/${id}`;
      const missing = randomId();
      const missingPath = `/v1/${c}/concerns/${missing}`;
      await assertStreamsSilent(view, [id, ...secrets]);
      const leaks = (text: string) => [id, ...secrets].filter((secret) => text.includes(secret));
      for (const collection of ['concerns', 'moderation-log']) {
        const list = await attacker.get(`/v1/${c}/${collection}`);
        assert.equal(list.status, 200);
        assert.deepEqual(leaks(list.text), [], `${who}: the ${collection} list`);
      }
      const wrongKey = newConcernKey();
      const pairs: [string, (p: string) => Promise<Answer>][] = [
        ['get', (p) => attacker.get(p)],
        ['delete', (p) => attacker.del(p)],
        ['delete with If-Match', (p) => attacker.del(p, 1)],
        ['put', (p) => attacker.put(p, { about: 'community' })],
        ['put with If-Match', (p) => attacker.put(p, { about: 'community' }, 1)],
        ['follow', (p) => attacker.op(p, { type: 'follow' })],
        ['follow with a wrong key', (p) => attacker.op(p, { type: 'follow', key: wrongKey })],
        ['add', (p) => attacker.op(p, { type: 'add', text: 'me too' })],
        ['add with a wrong key', (p) => attacker.op(p, { type: 'add', text: 'me too', key: wrongKey })],
        ['reopen with a wrong key', (p) => attacker.op(p, { type: 'reopen', key: wrongKey })],
        ['answer', (p) => attacker.op(p, { type: 'answer', text: 'seen' })],
        ['set-state', (p) => attacker.op(p, { type: 'set-state', state: 'closed' })],
        ['follow with If-Match', (p) => attacker.op(p, { type: 'follow' }, 1)],
      ];
      for (const [what, send] of pairs) {
        const hidden = await send(path);
        const none = await send(missingPath);
        assert.ok(hidden.status >= 400, `${who} ${what}: refused`);
        assert.equal(
          as(hidden, id, 'ID'),
          as(none, missing, 'ID'),
          `${who} ${what}: answered as for a missing id`,
        );
        assert.deepEqual(
          leaks(hidden.text).filter((s) => s !== id),
          [],
          `${who} ${what}`,
        );
      }
      // A create on a random id someone holds is refused (409): only who knows the id can tell
      // (privacy.md), and the answer says nothing more.
      const taken = await attacker.op(path, {
        type: 'raise',
        about: 'community',
        kind: 'other',
        text: 'x',
        visibility: 'moderators',
      });
      assert.equal(taken.status, 409, taken.text);
      assert.equal(taken.body.error.code, 'conflict');
      assert.equal(taken.body.error.currentRev, undefined);
      assert.deepEqual(
        leaks(taken.text).filter((s) => s !== id),
        [],
        'raise on its id',
      );
    }

    const raise = (extra: Record<string, unknown> = {}) => ({
      type: 'raise',
      about: 'community',
      kind: 'asked-too-often',
      text: `words-${uniqueName()}`,
      visibility: 'moderators',
      ...extra,
    });

    const offer = (author: { id: string; name: string }, extra: Partial<Post> = {}): Post =>
      ({
        ...createPost(
          BOARD,
          { kind: 'offer', title: 'Soup', category: 'meals', slots: 2 },
          author,
          new Date(),
        ),
        ...extra,
      }) as Post;

    /** Every row of a community in every table a person could hide in, as text. */
    async function everythingStored(c: string): Promise<string[]> {
      const rows = await bench.server.db.query<{ row: string }>(
        `SELECT row_to_json(x)::text AS row FROM (
           SELECT collection, id, author, owner, value::text AS value FROM tend_records WHERE community = $1
           UNION ALL SELECT collection, id, owner, kind, rev::text FROM tend_changes WHERE community = $1
           UNION ALL SELECT collection, id, actor, key, coalesce(body, '') FROM tend_idempotency WHERE community = $1
           UNION ALL SELECT 'key', id, key_sha256, '', '' FROM tend_concern_keys WHERE community = $1
         ) x`,
        [c],
      );
      return rows.map((r) => r.row);
    }

    describe('concerns: a named concern is seen by moderators and its raiser only', () => {
      test('another member and the post’s author learn nothing of it; the raiser sees answers from “a moderator”', async () => {
        const c = uniqueName();
        const post = `/v1/${c}/posts/p1`;
        assert.equal((await people.cai!.put(post, offer({ id: 'cai', name: 'CAI' }))).status, 201);
        const views = [await watch(c, 'concerns', 'ben'), await watch(c, 'concerns', 'cai')];
        const own = await watch(c, 'concerns', 'ana');
        const mods = await watch(c, 'concerns', 'mod');
        // What members can read before: the board, its figure, the (empty) concerns.
        const seenBefore = {
          posts: (await people.ben!.get(`/v1/${c}/posts`)).text,
          figure: (await people.ben!.get(`/v1/${c}/aggregates/moderation?board=${BOARD}`)).text,
          concerns: (await people.ben!.get(`/v1/${c}/concerns`)).text,
        };

        const id = randomId();
        const words = `words-${uniqueName()}`;
        const raised = await people.ana!.op(
          `/v1/${c}/concerns/${id}`,
          raise({ about: 'post', postId: 'p1', text: words }),
        );
        assert.equal(raised.status, 201, raised.text);
        assert.equal(raised.body.author, 'ana');
        assert.equal(raised.body.value.raiserId, 'ana');
        assert.equal(raised.body.value.state, 'open');
        // The moderators see it, with who raised it; live too.
        const modList = (await people.mod!.get(`/v1/${c}/concerns`)).body.items;
        assert.equal(modList.length, 1);
        assert.equal(modList[0].value.raiserId, 'ana');
        assert.equal(modList[0].value.entries[0].text, words);
        await mods.streams[1]!.next((e) => e.event === 'message' && e.data.includes(words));

        const answerWords = `answer-${uniqueName()}`;
        const answered = await people.mod!.op(`/v1/${c}/concerns/${id}`, {
          type: 'answer',
          text: answerWords,
          state: 'acknowledged',
        });
        assert.equal(answered.status, 200, answered.text);
        assert.equal(answered.body.value.entries[1].moderatorId, 'mo', 'moderators see who answered');
        // The raiser sees the answer, from "a moderator": no moderator is named to them anywhere.
        const mine = await people.ana!.get(`/v1/${c}/concerns/${id}`);
        assert.equal(mine.status, 200);
        assert.equal(mine.body.value.state, 'acknowledged');
        assert.equal(mine.body.value.entries[1].text, answerWords);
        assert.equal(mine.body.value.entries[1].by, 'moderator');
        const followed = await people.ana!.op(`/v1/${c}/concerns/${id}`, { type: 'follow' });
        assert.deepEqual(followed.body, mine.body);
        await own.streams[1]!.next((e) => e.event === 'message' && e.data.includes(answerWords));
        await settle(own.streams, c);
        for (const text of [
          mine.text,
          (await people.ana!.get(`/v1/${c}/concerns`)).text,
          JSON.stringify(own.streams.map((s) => s.events)),
          JSON.stringify(await resume(`${bench.server.url}/v1/${c}/events`, 'ana', own.mid)),
        ])
          assert.ok(!text.includes('"mo"') && !text.includes('Mo') && !text.includes('moderatorId'), text);
        const added = await people.ana!.op(`/v1/${c}/concerns/${id}`, {
          type: 'add',
          text: 'one more thing',
        });
        assert.equal(added.status, 200, added.text);
        assert.ok(!added.text.includes('moderatorId'));

        // Another member and the post's author: nothing, through every path.
        for (const view of views)
          await assertConcernAbsent(view, id, [
            words,
            answerWords,
            'one more thing',
            '"ana"',
            'ANA',
            'asked-too-often',
          ]);
        // What members read is as it was: one person raising a concern moves no figure.
        await new Promise((r) => setTimeout(r, INTERVAL_MS * 3));
        assert.deepEqual(
          {
            posts: (await people.ben!.get(`/v1/${c}/posts`)).text,
            figure: (await people.ben!.get(`/v1/${c}/aggregates/moderation?board=${BOARD}`)).text,
            concerns: (await people.ben!.get(`/v1/${c}/concerns`)).text,
          },
          seenBefore,
        );
        assert.ok(!views[0]!.streams[0]!.events.some((e) => e.event === 'aggregate'), 'no figure moved');
        for (const view of [...views, own, mods]) for (const s of view.streams) await s.close();
      });
    });

    describe('concerns: an anonymous concern keeps no person, and only its key follows it', () => {
      test('the raiser follows it with the key alone; nobody (the raiser without the key included) learns who raised it', async () => {
        const c = uniqueName();
        const ben = await watch(c, 'concerns', 'ben');
        const ana = await watch(c, 'concerns', 'ana');
        const mods = await watch(c, 'concerns', 'mod');
        const before = logLines.length;
        const id = randomId();
        const key = newConcernKey();
        const words = `rotation-words-${uniqueName()}`;
        const path = `/v1/${c}/concerns/${id}`;
        const raised = await people.ana!.op(
          path,
          raise({
            about: 'rotation',
            postId: 'meal-train',
            kind: 'rotation-too-much',
            text: words,
            visibility: 'anonymous',
            key,
          }),
          undefined,
          { 'idempotency-key': uniqueName('raise') },
        );
        assert.equal(raised.status, 201, raised.text);
        assert.equal(raised.body.author, 'anonymous');
        assert.equal(raised.body.value.raiserId, undefined);
        // The moderators see what it says, never who.
        const seen = (await people.mod!.get(path)).body;
        assert.equal(seen.value.entries[0].text, words);
        assert.equal(seen.author, 'anonymous');
        await mods.streams[1]!.next((e) => e.event === 'message' && e.data.includes(words));

        // The raiser, with the key: follows it, adds to it (a retry is answered once), reads the answer.
        const answerWords = `we-hear-you-${uniqueName()}`;
        assert.equal(
          (await people.mod!.op(path, { type: 'answer', text: answerWords, state: 'acted-on' })).status,
          200,
        );
        const followed = await people.ana!.op(path, { type: 'follow', key });
        assert.equal(followed.status, 200);
        assert.equal(followed.body.value.state, 'acted-on');
        assert.equal(followed.body.value.entries[1].text, answerWords);
        assert.ok(!followed.text.includes('moderatorId') && !followed.text.includes('"mo"'));
        const once = { 'idempotency-key': uniqueName('add') };
        const add = { type: 'add', text: 'thank you, it is better now', key };
        const added = await people.ana!.op(path, add, undefined, once);
        assert.equal(added.status, 200, added.text);
        const again = await people.ana!.op(path, add, undefined, once);
        assert.equal(again.headers.get('idempotent-replayed'), 'true');
        assert.deepEqual(again.body, added.body);
        assert.ok(!again.text.includes('moderatorId'), 'a replay is the raiser’s view too');
        assert.equal((await people.mod!.get(path)).body.value.entries.length, 3, 'added once');
        // The same idempotency key on another request of the same key-holder is refused, never replayed;
        // sent as a person it is that person's own key: never the anonymous answer.
        const elsewhere = await people.ana!.op(`/v1/${c}/concerns/${randomId()}`, add, undefined, once);
        assert.equal(elsewhere.status, 422);
        assert.ok(!elsewhere.text.includes('thank you'));
        const asPerson = await people.ana!.op(path, { type: 'add', text: add.text }, undefined, once);
        assert.equal(asPerson.status, 404);
        assert.ok(!asPerson.text.includes('thank you'));

        // The same person in another browser (no key), a wrong key, another member, the author of
        // the rotation: exactly a missing id's answers, nothing in any list or stream.
        for (const view of [ana, ben]) await assertConcernAbsent(view, id, [words, answerWords, 'thank you']);
        // Moderators read it but cannot act as its raiser.
        for (const op of [{ type: 'follow' }, { type: 'add', text: 'as if' }, { type: 'reopen' }]) {
          const refused = await people.mod!.op(path, op);
          assert.equal(refused.status, 403, JSON.stringify(op));
          assert.equal(refused.body.error.code, 'raiser-only');
        }

        // No person anywhere: record, change log, audit log, idempotency, key table; nor the key itself.
        await settle(mods.streams, c);
        const names = /(^|[^a-z0-9])ana([^a-z0-9]|$)/i;
        for (const row of await everythingStored(c)) {
          assert.ok(!names.test(row), row);
          assert.ok(!row.includes(key), 'the key is never stored');
        }
        const idem = await bench.server.db.query<{ actor: string }>(
          'SELECT actor FROM tend_idempotency WHERE community = $1 AND collection = $2',
          [c, 'concerns'],
        );
        assert.ok(idem.length >= 2);
        for (const row of idem) assert.match(row.actor, /^concern-key:[0-9a-f]{64}$/);
        // The request log names nobody for concern requests.
        const lines = logLines.slice(before).filter((line) => line.includes('/concerns/'));
        assert.ok(lines.length >= 5);
        for (const line of lines)
          assert.ok(!/"person"/.test(line) && !line.includes('"ana"') && !line.includes(key), line);
        // The audit log: moderators only; the raiser is "raiser", without an id.
        const log = (await people.mod!.get(`/v1/${c}/moderation-log`)).body.items.map(
          (r: { value: unknown }) => r.value,
        );
        const steps = log.filter((entry: { targetId: string }) => entry.targetId === id);
        assert.deepEqual(
          steps.map((s: { action: string }) => s.action),
          ['raise', 'answer', 'add'],
        );
        for (const step of steps.filter((s: { by: string }) => s.by === 'raiser'))
          assert.equal(step.personId, undefined);
        assert.equal(steps[1].personId, 'mo');
        for (const view of [ben, ana, mods]) for (const s of view.streams) await s.close();
      });
    });

    describe('concerns: never closed on silence, reopened only by the raiser', () => {
      test('closing needs an answer to the raiser’s latest words; only the raiser reopens; nobody deletes', async () => {
        const c = uniqueName();
        const id = randomId();
        const path = `/v1/${c}/concerns/${id}`;
        assert.equal((await people.ana!.op(path, raise())).status, 201);
        const code = async (who: string, op: unknown) => {
          const answer = await people[who]!.op(path, op);
          return answer.status < 300 ? answer.status : `${answer.status} ${answer.body.error.code}`;
        };
        assert.equal(await code('mod', { type: 'set-state', state: 'closed' }), '409 answer-first');
        assert.equal(await code('ana', { type: 'answer', text: 'I answer myself' }), '403 moderators-only');
        assert.equal(await code('ana', { type: 'set-state', state: 'closed' }), '403 moderators-only');
        assert.equal(await code('mod', { type: 'set-state', state: 'acknowledged' }), 200);
        assert.equal(await code('mod', { type: 'set-state', state: 'closed' }), '409 answer-first');
        assert.equal(await code('mod', { type: 'answer', text: 'We talked with the organiser.' }), 200);
        assert.equal(await code('ana', { type: 'add', text: 'It happened again.' }), 200);
        assert.equal(
          await code('mod2', { type: 'set-state', state: 'closed' }),
          '409 answer-first',
          'new words need a new answer',
        );
        assert.equal(
          await code('mod2', { type: 'answer', text: 'Then we pause the rotation.', state: 'closed' }),
          200,
        );
        assert.equal(await code('ana', { type: 'add', text: 'more' }), '409 closed');
        assert.equal(await code('mod', { type: 'set-state', state: 'open' }), '409 closed');
        assert.equal(await code('mod', { type: 'reopen' }), '403 raiser-only');
        // Another member cannot reopen it: for them it does not exist.
        const ben = await people.ben!.op(path, { type: 'reopen' });
        const nobody = await people.ben!.op(`/v1/${c}/concerns/${randomId()}`, { type: 'reopen' });
        assert.equal(ben.status, 404);
        assert.equal(ben.body.error.code, nobody.body.error.code);
        assert.equal(await code('ana', { type: 'reopen', text: 'It is not over.' }), 200);
        assert.equal((await people.ana!.get(path)).body.value.state, 'open');
        assert.equal(await code('ana', { type: 'reopen' }), '409 not-closed');
        // Never deleted, never written whole: by the raiser, a moderator, or anyone.
        const rev = (await people.ana!.get(path)).body.rev;
        for (const who of ['ana', 'mod']) {
          const deleted = await people[who]!.del(path, rev);
          assert.equal(deleted.status, 403);
          assert.equal(deleted.body.error.code, 'never-deleted');
          const written = await people[who]!.put(path, { state: 'closed' }, rev);
          assert.equal(written.status, 403);
          assert.equal(written.body.error.code, 'use-operation');
        }
        assert.equal((await people.ben!.del(path)).status, 404);
        const final = (await people.mod!.get(path)).body.value;
        assert.deepEqual(
          final.entries.map((e: { by: string; state?: string }) => `${e.by}:${e.state ?? ''}`),
          [
            'raiser:open',
            'moderator:acknowledged',
            'moderator:',
            'raiser:',
            'moderator:closed',
            'raiser:open',
          ],
        );

        // The same for an anonymous concern: its key reopens it; a wrong key is a missing id.
        const anon = `/v1/${c}/concerns/${randomId()}`;
        const key = newConcernKey();
        assert.equal((await people.dee!.op(anon, raise({ visibility: 'anonymous', key }))).status, 201);
        assert.equal(
          (await people.mod!.op(anon, { type: 'answer', text: 'Thank you.', state: 'closed' })).status,
          200,
        );
        assert.equal((await people.dee!.op(anon, { type: 'reopen', key: newConcernKey() })).status, 404);
        assert.equal(
          (await people.dee!.op(anon, { type: 'reopen' })).status,
          404,
          'the person alone is not the raiser',
        );
        const reopened = await people.zed!.op(anon, { type: 'reopen', text: 'from my phone', key });
        assert.equal(reopened.status, 200, 'the key is the raiser, whoever holds it');
        assert.equal(reopened.body.value.state, 'open');
      });

      test('malformed operations are refused before anything about what exists', async () => {
        const c = uniqueName();
        const id = randomId();
        await people.ana!.op(`/v1/${c}/concerns/${id}`, raise());
        for (const op of [
          { type: 'raise', about: 'post', kind: 'other', text: 'x', visibility: 'moderators' },
          { type: 'raise', about: 'community', kind: 'other', visibility: 'moderators' },
          { type: 'raise', about: 'community', kind: 'other', text: 'x', visibility: 'anonymous' },
          {
            type: 'raise',
            about: 'community',
            kind: 'other',
            text: 'x',
            visibility: 'moderators',
            key: newConcernKey(),
          },
          { type: 'follow', key: 'short' },
          { type: 'add', text: '   ' },
          { type: 'answer', text: 'x'.repeat(2001) },
          { type: 'set-state', state: 'deleted' },
          { type: 'follow', raiserId: 'ana' },
          { type: 'delete' },
        ]) {
          const there = await people.ben!.op(`/v1/${c}/concerns/${id}`, op);
          const none = await people.ben!.op(`/v1/${c}/concerns/${randomId()}`, op);
          assert.equal(there.status, 400, JSON.stringify(op));
          assert.equal(there.text, none.text, JSON.stringify(op));
        }
      });
    });

    describe('hidden posts: invisible to others, visible to their author with the reason', () => {
      test('a hidden post gives another member exactly what a deleted one gives, through every path', async () => {
        const c = uniqueName();
        const hidden = 'p-hidden';
        const deleted = 'p-deleted';
        const cai = { id: 'cai', name: 'CAI' };
        const secretTitle = `title-${uniqueName()}`;
        assert.equal(
          (await people.cai!.put(`/v1/${c}/posts/${hidden}`, offer(cai, { title: secretTitle }))).status,
          201,
        );
        assert.equal((await people.cai!.put(`/v1/${c}/posts/${deleted}`, offer(cai))).status, 201);
        // A NUL in a post's words: the figure must still be made (PostgreSQL's JSON operators fail on it).
        const nul = await people.cai!.put(`/v1/${c}/posts/visible`, offer(cai, { details: 'a\u0000b' }));
        assert.equal(nul.status, 201, nul.text);
        const ben = await watch(c, 'posts', 'ben');
        const figure = async (who = 'ben') =>
          (await people[who]!.get(`/v1/${c}/aggregates/moderation?board=${BOARD}`)).body;
        assert.deepEqual(await figure(), { board: BOARD, hiddenPosts: 0 });

        // Only moderators hide, always with a reason.
        const byMember = await people.ben!.op(`/v1/${c}/posts/visible`, {
          type: 'hide',
          reason: 'I do not like it',
        });
        assert.equal(byMember.status, 403);
        assert.equal(byMember.body.error.code, 'moderators-only');
        assert.equal((await people.mod!.op(`/v1/${c}/posts/visible`, { type: 'hide' })).status, 400);
        const reason = `reason-${uniqueName()}`;
        const hid = await people.mod!.op(`/v1/${c}/posts/${hidden}`, { type: 'hide', reason });
        assert.equal(hid.status, 200, hid.text);
        assert.equal(hid.body.value.hidden.moderatorId, 'mo');
        assert.equal(
          (await people.mod!.op(`/v1/${c}/posts/${hidden}`, { type: 'hide', reason })).body.error.code,
          'hidden',
        );
        assert.equal((await people.cai!.del(`/v1/${c}/posts/${deleted}`)).status, 204);

        // The author: the post in every path, marked hidden, with the reason, no moderator named.
        const own = await people.cai!.get(`/v1/${c}/posts/${hidden}`);
        assert.equal(own.status, 200);
        assert.equal(own.body.value.hidden.reason, reason);
        assert.equal(own.body.value.hidden.moderatorId, undefined);
        const ownList = (await people.cai!.get(`/v1/${c}/posts`)).body.items.map((r: { id: string }) => r.id);
        assert.deepEqual(ownList, [hidden, 'visible']);
        // They answer on the hide; their edit cannot lift it, nor change its reason.
        const reply = `reply-${uniqueName()}`;
        const replied = await people.cai!.op(`/v1/${c}/posts/${hidden}`, { type: 'hide-reply', text: reply });
        assert.equal(replied.status, 200, replied.text);
        assert.deepEqual(
          replied.body.value.hidden.replies.map((r: { by: string; text: string }) => [r.by, r.text]),
          [['author', reply]],
        );
        const { hidden: _h, ...unhidden } = replied.body.value;
        const edited = await people.cai!.put(
          `/v1/${c}/posts/${hidden}`,
          { ...unhidden, title: `${secretTitle}!` },
          replied.body.rev,
        );
        assert.equal(edited.status, 200, edited.text);
        assert.equal(edited.body.value.hidden.reason, reason, 'an edit keeps the hide');
        const rewritten = await people.cai!.put(
          `/v1/${c}/posts/${hidden}`,
          { ...edited.body.value, hidden: { ...edited.body.value.hidden, reason: 'nothing happened' } },
          edited.body.rev,
        );
        assert.equal(rewritten.body.value.hidden.reason, reason, 'and its reason');
        assert.equal(
          (await people.ben!.op(`/v1/${c}/posts/visible`, { type: 'hide-reply', text: 'hm' })).body.error
            .code,
          'not-hidden',
        );
        assert.equal(
          (
            await people.cai!.put(`/v1/${c}/posts/new`, {
              ...offer(cai),
              hidden: { at: new Date().toISOString(), reason: 'x', replies: [] },
            })
          ).status,
          400,
          'no post starts hidden',
        );

        // Everyone else: exactly a deleted post, on every path.
        await settle(ben.streams, c);
        for (const s of ben.streams) {
          // From the hide (or the deletion) on: one remove, then nothing. (A stream that opened as the
          // posts were made may also have heard of their creation, when both were visible.)
          const from = (id: string) => {
            const all = s.changes().filter((ch) => ch.id === id);
            return all.slice(all.findIndex((ch) => ch.type === 'remove'));
          };
          assert.deepEqual(
            from(hidden),
            [{ type: 'remove', collection: 'posts', id: hidden }],
            'one remove, as for a deletion',
          );
          assert.deepEqual(from(deleted), [{ type: 'remove', collection: 'posts', id: deleted }]);
        }
        const logId = ben.mid.split('.')[0]!;
        for (const from of [ben.mid, `${logId}.0-0`]) {
          const events = (await resume(`${bench.server.url}/v1/${c}/events`, 'ben', from)).filter(
            (e) => e.event === 'message',
          );
          const of = (id: string) =>
            events.filter((e) => JSON.parse(e.data).id === id).map((e) => JSON.parse(e.data));
          assert.deepEqual(
            of(hidden),
            [{ type: 'remove', collection: 'posts', id: hidden }],
            `resume from ${from}`,
          );
          assert.deepEqual(
            of(deleted),
            [{ type: 'remove', collection: 'posts', id: deleted }],
            `resume from ${from}`,
          );
        }
        const list = await people.ben!.get(`/v1/${c}/posts`);
        assert.deepEqual(
          list.body.items.map((r: { id: string }) => r.id),
          ['visible'],
        );
        const pairs: [string, (p: string) => Promise<Answer>][] = [
          ['get', (p) => people.ben!.get(p)],
          ['claim', (p) => people.ben!.op(p, { type: 'claim', claimId: 'k1' })],
          ['claim with If-Match', (p) => people.ben!.op(p, { type: 'claim', claimId: 'k1' }, 1)],
          ['hide-reply', (p) => people.ben!.op(p, { type: 'hide-reply', text: 'why?' })],
          ['put with If-Match', (p) => people.ben!.put(p, offer({ id: 'ben', name: 'BEN' }), 1)],
          ['delete', (p) => people.ben!.del(p)],
          ['delete with If-Match', (p) => people.ben!.del(p, 1)],
        ];
        for (const [what, send] of pairs) {
          const a = await send(`/v1/${c}/posts/${hidden}`);
          const b = await send(`/v1/${c}/posts/${deleted}`);
          assert.ok(a.status >= 400, what);
          assert.equal(as(a, hidden, 'ID'), as(b, deleted, 'ID'), `${what}: as for a deleted post`);
          assert.ok(!a.text.includes(reason) && !a.text.includes(secretTitle), what);
        }
        await assertStreamsSilent(ben, [reason, reply, secretTitle]);
        // The board's one figure: a count, on the server's clock.
        await ben.streams[0]!.next((e) => e.event === 'aggregate' && e.data.includes('"moderation"'), 5000);
        assert.deepEqual(await figure(), { board: BOARD, hiddenPosts: 1 });
        assert.deepEqual(await figure('cai'), { board: BOARD, hiddenPosts: 1 });
        assert.ok(!JSON.stringify(await figure()).includes(hidden));

        // Moderators see everything and keep the steps in the log, which nobody else reads.
        const modView = (await people.mod!.get(`/v1/${c}/posts/${hidden}`)).body.value.hidden;
        assert.equal(modView.moderatorId, 'mo');
        const steps = (await people.mod!.get(`/v1/${c}/moderation-log`)).body.items.map(
          (r: { value: Record<string, unknown> }) => r.value,
        );
        assert.deepEqual(
          steps.map((s: Record<string, unknown>) => [s.action, s.by, s.personId, s.targetId]),
          [
            ['hide', 'moderator', 'mo', hidden],
            ['hide-reply', 'author', 'cai', hidden],
          ],
        );
        assert.equal(steps[0].reason, reason);
        for (const who of ['ben', 'cai']) {
          assert.deepEqual((await people[who]!.get(`/v1/${c}/moderation-log`)).body.items, []);
        }

        // Shown again: back for everyone, without the hide.
        assert.equal((await people.ben!.op(`/v1/${c}/posts/${hidden}`, { type: 'unhide' })).status, 404);
        assert.equal((await people.mod!.op(`/v1/${c}/posts/${hidden}`, { type: 'unhide' })).status, 200);
        await ben.streams[0]!.next(
          (e) =>
            e.event === 'message' && JSON.parse(e.data).id === hidden && JSON.parse(e.data).type === 'put',
        );
        const back = await people.ben!.get(`/v1/${c}/posts/${hidden}`);
        assert.equal(back.status, 200);
        assert.equal(back.body.value.hidden, undefined);
        assert.ok(!back.text.includes(reason) && !back.text.includes(reply));
        await eventually(async () => (await figure()).hiddenPosts === 0, 5000, 'the figure to fall back');
        for (const s of ben.streams) await s.close();
      });
    });

    describe('moderation: concerns are never deleted; a post removed is a step in the log', () => {
      test('a moderator may remove a post (logged, as DESIGN promises) but no concern; the elements only hide', async () => {
        const c = uniqueName();
        const cai = { id: 'cai', name: 'CAI' };
        const posts = ['plain', 'claimed', 'hidden'];
        for (const id of posts)
          assert.equal((await people.cai!.put(`/v1/${c}/posts/${id}`, offer(cai))).status, 201);
        assert.equal(
          (await people.ben!.op(`/v1/${c}/posts/claimed`, { type: 'claim', claimId: 'k1' })).status,
          200,
        );
        const reason = `reason-${uniqueName()}`;
        assert.equal((await people.mod!.op(`/v1/${c}/posts/hidden`, { type: 'hide', reason })).status, 200);
        // The API's "moderators may remove": a moderator's DELETE of someone else's post goes
        // through, claimed or hidden, and is a step in the audit log with who took it.
        for (const id of posts) {
          const path = `/v1/${c}/posts/${id}`;
          assert.equal((await people.mod!.del(path)).status, 204, id);
          assert.equal((await people.cai!.get(path)).status, 404, id);
        }
        // A moderator's own post is theirs to remove, as anyone's is.
        const mo = { id: 'mo', name: 'Mo' };
        assert.equal((await people.mod!.put(`/v1/${c}/posts/own`, offer(mo))).status, 201);
        assert.equal((await people.mod!.del(`/v1/${c}/posts/own`)).status, 204);

        // Concerns, named and anonymous, open and closed: nobody deletes one, a moderator included.
        const named = `/v1/${c}/concerns/${randomId()}`;
        const anonymous = `/v1/${c}/concerns/${randomId()}`;
        const closed = `/v1/${c}/concerns/${randomId()}`;
        const key = newConcernKey();
        assert.equal((await people.ana!.op(named, raise())).status, 201);
        assert.equal(
          (await people.ana!.op(anonymous, raise({ visibility: 'anonymous', key: newConcernKey() }))).status,
          201,
        );
        assert.equal((await people.dee!.op(closed, raise({ visibility: 'anonymous', key }))).status, 201);
        assert.equal(
          (await people.mod!.op(closed, { type: 'answer', text: 'Thank you.', state: 'closed' })).status,
          200,
        );
        for (const path of [named, anonymous, closed]) {
          const rev = (await people.mod!.get(path)).body.rev;
          for (const who of ['mod', 'mod2'])
            for (const sent of [undefined, rev]) {
              const refused = await people[who]!.del(path, sent);
              assert.equal(refused.status, 403, refused.text);
              assert.equal(refused.body.error.code, 'never-deleted');
            }
          assert.equal((await people.mod!.get(path)).status, 200);
        }
        assert.equal((await people.ana!.del(named)).body.error.code, 'never-deleted', 'nor its raiser');
        // The closed one still reads, with its answer, for the key that raised it.
        const followed = await people.dee!.op(closed, { type: 'follow', key });
        assert.equal(followed.body.value.entries.at(-1).text, 'Thank you.');

        // Every concern is still stored; the log holds the hide, the answer and each removal of
        // someone else's post (the moderator's own is not a moderation step).
        const stored = await bench.server.db.query<{ id: string }>(
          'SELECT id FROM tend_records WHERE community = $1 AND collection IN ($2, $3) ORDER BY id',
          [c, 'posts', 'concerns'],
        );
        assert.equal(stored.length, 3);
        const steps = (await people.mod!.get(`/v1/${c}/moderation-log`)).body.items.map(
          (r: { value: Record<string, unknown> }) => r.value,
        );
        const removed = steps.filter((v: Record<string, unknown>) => v.action === 'remove');
        assert.deepEqual(
          removed.map((v: Record<string, unknown>) => [v.by, v.personId, v.target, v.targetId]).sort(),
          posts.map((id) => ['moderator', 'mo', 'posts', id]).sort(),
        );
        assert.ok(steps.some((v: Record<string, unknown>) => v.action === 'hide'));
      });
    });

    describe('moderation: only a moderator token is a moderator', () => {
      test('a token that only looks like a moderator’s, or none, gets a member’s answers (or 401) on every moderators’ path', async () => {
        const c = uniqueName();
        const cai = { id: 'cai', name: 'CAI' };
        // What moderators alone may read: a named and an anonymous concern, an answer, a hidden post
        // with its reason and the moderator who hid it, and the audit log of all that.
        const named = randomId();
        const anonymous = randomId();
        const words = `words-${uniqueName()}`;
        const anonymousWords = `anon-${uniqueName()}`;
        const answerWords = `answer-${uniqueName()}`;
        const reason = `reason-${uniqueName()}`;
        assert.equal(
          (await people.ana!.op(`/v1/${c}/concerns/${named}`, raise({ text: words }))).status,
          201,
        );
        assert.equal(
          (
            await people.dee!.op(
              `/v1/${c}/concerns/${anonymous}`,
              raise({ text: anonymousWords, visibility: 'anonymous', key: newConcernKey() }),
            )
          ).status,
          201,
        );
        assert.equal(
          (await people.mod!.op(`/v1/${c}/concerns/${named}`, { type: 'answer', text: answerWords })).status,
          200,
        );
        assert.equal((await people.cai!.put(`/v1/${c}/posts/hid`, offer(cai))).status, 201);
        assert.equal((await people.mod!.op(`/v1/${c}/posts/hid`, { type: 'hide', reason })).status, 200);
        assert.equal((await people.cai!.put(`/v1/${c}/posts/seen`, offer(cai))).status, 201);
        const log = (await people.mod!.get(`/v1/${c}/moderation-log`)).body.items as { id: string }[];
        assert.equal(log.length, 4);
        const secrets = [words, anonymousWords, answerWords, reason, named, anonymous, '"mo"', 'moderatorId'];
        const leaks = (text: string) => secrets.filter((secret) => text.includes(secret));

        // Signed by the site, so accepted, but no `role: "moderator"` exactly: members.
        const sign = (claims: Record<string, unknown>) =>
          new SignJWT(claims)
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject('pretender')
            .setExpirationTime('1h')
            .sign(new TextEncoder().encode(SECRET));
        const lookalikes: Record<string, Record<string, unknown>> = {
          'role Moderator': { role: 'Moderator' },
          'role [moderator]': { role: ['moderator'] },
          'role moderators': { role: 'moderators' },
          'role admin': { role: 'admin' },
          'roles [moderator]': { roles: ['moderator'] },
          'moderator: true': { moderator: true },
        };
        for (const [what, claims] of Object.entries(lookalikes)) {
          tokens[what] = await sign(claims);
          people[what] = client(bench.server.url, tokens[what]);
          const view = await watch(c, 'moderation-log', what);
          const concernStream = await openEvents(`${bench.server.url}/v1/${c}/concerns/events`, {
            token: tokens[what],
          });
          await concernStream.next((e) => e.event === 'ready');
          const who = people[what]!;
          for (const collection of ['concerns', 'moderation-log', 'posts']) {
            const list = await who.get(`/v1/${c}/${collection}`);
            assert.equal(list.status, 200, `${what}: ${collection}`);
            assert.deepEqual(leaks(list.text), [], `${what}: the ${collection} list`);
          }
          assert.deepEqual((await who.get(`/v1/${c}/moderation-log`)).body.items, [], what);
          // Reads and moderators' steps on what exists answer exactly as on what does not.
          const missing = randomId();
          const pairs: [string, string, string, (p: string) => Promise<Answer>][] = [
            ['get a concern', `concerns/${named}`, `concerns/${missing}`, (p) => who.get(p)],
            [
              'answer',
              `concerns/${named}`,
              `concerns/${missing}`,
              (p) => who.op(p, { type: 'answer', text: 'x' }),
            ],
            [
              'close',
              `concerns/${anonymous}`,
              `concerns/${missing}`,
              (p) => who.op(p, { type: 'set-state', state: 'closed' }),
            ],
            [
              'get a log entry',
              `moderation-log/${log[0]!.id}`,
              `moderation-log/${missing}`,
              (p) => who.get(p),
            ],
            [
              'an operation on a log entry',
              `moderation-log/${log[0]!.id}`,
              `moderation-log/${missing}`,
              (p) => who.op(p, { type: 'hide', reason: 'x' }),
            ],
            ['get the hidden post', 'posts/hid', `posts/${missing}`, (p) => who.get(p)],
            ['unhide', 'posts/hid', `posts/${missing}`, (p) => who.op(p, { type: 'unhide' })],
            [
              'hide-reply',
              'posts/hid',
              `posts/${missing}`,
              (p) => who.op(p, { type: 'hide-reply', text: 'x' }),
            ],
          ];
          for (const [step, there, none, send] of pairs) {
            const [from, to] = [there.split('/')[1]!, none.split('/')[1]!];
            const a = await send(`/v1/${c}/${there}`);
            const b = await send(`/v1/${c}/${none}`);
            assert.ok(a.status >= 400, `${what} ${step}: refused`);
            assert.equal(as(a, from, 'ID'), as(b, to, 'ID'), `${what} ${step}: as for a missing id`);
            assert.deepEqual(
              leaks(a.text).filter((s) => s !== from),
              [],
              `${what} ${step}`,
            );
          }
          // Hiding a post they can see: refused as moderators-only.
          const hide = await who.op(`/v1/${c}/posts/seen`, { type: 'hide', reason: 'x' });
          assert.equal(hide.status, 403, `${what}: ${hide.text}`);
          assert.equal(hide.body.error.code, 'moderators-only');
          // The figure is everyone's, the same for them as for a member.
          assert.deepEqual(
            (await who.get(`/v1/${c}/aggregates/moderation?board=${BOARD}`)).body,
            (await people.ben!.get(`/v1/${c}/aggregates/moderation?board=${BOARD}`)).body,
          );
          await assertStreamsSilent(view, secrets);
          await assertStreamsSilent(
            { ...view, streams: [view.streams[0]!, concernStream], collection: 'concerns' },
            secrets,
          );
          for (const s of [...view.streams, concernStream]) await s.close();
        }

        // A moderator's token the site did not sign (another secret, or its payload rewritten), or
        // an expired one: 401 on every path, streams included. No token: nothing of it either.
        const forged = await new SignJWT({ role: 'moderator' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('mo')
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode('another-secret-that-is-also-long-enough'));
        const [head, , signature] = tokens.ben!.split('.');
        const rewritten = [
          head,
          Buffer.from(
            JSON.stringify({ sub: 'ben', role: 'moderator', exp: Math.floor(Date.now() / 1000) + 600 }),
          ).toString('base64url'),
          signature,
        ].join('.');
        const expired = await token('mo', {
          role: 'moderator',
          now: Date.now() - 7200_000,
          expiresInSeconds: 60,
        });
        const paths = [
          ['GET', `/v1/${c}/concerns`],
          ['GET', `/v1/${c}/moderation-log`],
          ['GET', `/v1/${c}/concerns/${named}`],
          ['GET', `/v1/${c}/moderation-log/${log[0]!.id}`],
          ['GET', `/v1/${c}/posts/hid`],
          ['POST', `/v1/${c}/concerns/${named}/ops`],
          ['POST', `/v1/${c}/posts/hid/ops`],
          ['DELETE', `/v1/${c}/posts/hid`],
        ] as const;
        for (const [what, bearer] of Object.entries({ forged, rewritten, expired })) {
          for (const [method, path] of paths) {
            const answer = await call(bench.server.url, method, path, {
              token: bearer,
              ...(method === 'POST' ? { body: { type: 'answer', text: 'x' } } : {}),
            });
            assert.equal(answer.status, 401, `${what} ${method} ${path}`);
            assert.deepEqual(leaks(answer.text), [], `${what} ${method} ${path}`);
          }
          for (const url of [
            `${bench.server.url}/v1/${c}/events`,
            `${bench.server.url}/v1/${c}/moderation-log/events`,
          ]) {
            const s = await openEvents(url, { token: bearer, lastEventId: '0-0' });
            await s.close();
            assert.equal(s.status, 401, `${what}: ${url}`);
            assert.deepEqual(leaks(JSON.stringify(s.events)), [], `${what}: ${url}`);
          }
        }
        for (const [method, path] of paths) {
          const answer = await call(bench.server.url, method, path);
          assert.ok(
            answer.status === 401 || answer.status === 404 || answer.status === 200,
            `${method} ${path}`,
          );
          if (answer.status === 200) assert.deepEqual(answer.body.items, [], `${method} ${path}`);
          assert.deepEqual(leaks(answer.text), [], `no token: ${method} ${path}`);
        }
        for (const collection of ['concerns', 'moderation-log']) {
          const s = await openEvents(`${bench.server.url}/v1/${c}/${collection}/events`, {
            lastEventId: '0-0',
          });
          if (s.status === 200) await s.next((e) => e.event === 'ready');
          await s.close();
          assert.deepEqual(leaks(JSON.stringify(s.events)), [], `no token: ${collection} stream`);
        }
      });

      test('the author of a hidden post reads the reason but never who hid it, and cannot unhide it', async () => {
        const c = uniqueName();
        const cai = { id: 'cai', name: 'CAI' };
        assert.equal((await people.cai!.put(`/v1/${c}/posts/p`, offer(cai))).status, 201);
        const own = await watch(c, 'posts', 'cai');
        const reason = `reason-${uniqueName()}`;
        assert.equal((await people.mod!.op(`/v1/${c}/posts/p`, { type: 'hide', reason })).status, 200);
        assert.equal(
          (await people.mod!.op(`/v1/${c}/posts/p`, { type: 'hide-reply', text: 'We can talk.' })).status,
          200,
        );
        await own.streams[1]!.next((e) => e.event === 'message' && e.data.includes('We can talk.'));
        await settle(own.streams, c);
        const seen = [
          (await people.cai!.get(`/v1/${c}/posts/p`)).text,
          (await people.cai!.get(`/v1/${c}/posts`)).text,
          JSON.stringify(own.streams.map((s) => s.events)),
          JSON.stringify(await resume(`${bench.server.url}/v1/${c}/events`, 'cai', own.mid)),
          JSON.stringify(await resume(`${bench.server.url}/v1/${c}/posts/events`, 'cai', own.mid)),
        ];
        for (const text of seen) {
          assert.ok(text.includes(reason), 'the reason reaches its author');
          assert.ok(!text.includes('moderatorId') && !text.includes('"mo"') && !text.includes('Mo'), text);
        }
        for (const op of [{ type: 'unhide' }, { type: 'hide', reason: 'mine' }]) {
          const refused = await people.cai!.op(`/v1/${c}/posts/p`, op);
          assert.equal(refused.status, 403, JSON.stringify(op));
          assert.equal(refused.body.error.code, 'moderators-only');
        }
        assert.deepEqual((await people.cai!.get(`/v1/${c}/moderation-log`)).body.items, []);
        for (const s of own.streams) await s.close();
      });
    });

    describe('moderation: the audit log is for moderators only', () => {
      test('another member and a raiser cannot read, write or hear the log', async () => {
        const c = uniqueName();
        const views = [await watch(c, 'moderation-log', 'ben'), await watch(c, 'moderation-log', 'ana')];
        const id = randomId();
        const words = `log-words-${uniqueName()}`;
        assert.equal((await people.ana!.op(`/v1/${c}/concerns/${id}`, raise({ text: words }))).status, 201);
        assert.equal(
          (await people.mod!.op(`/v1/${c}/concerns/${id}`, { type: 'answer', text: 'ok' })).status,
          200,
        );
        const items = (await people.mod!.get(`/v1/${c}/moderation-log`)).body.items;
        assert.equal(items.length, 2);
        assert.ok(!JSON.stringify(items).includes(words), 'no concern text is copied into the log');
        const entry = items[0];
        for (const view of views) {
          await assertStreamsSilent(view, [entry.id, '"raise"', '"answer"']);
          const who = people[view.who]!;
          assert.deepEqual((await who.get(`/v1/${c}/moderation-log`)).body.items, []);
          const missing = `${entry.id.slice(0, -1)}x`;
          for (const [what, send] of [
            ['get', (p: string) => who.get(p)],
            ['delete', (p: string) => who.del(p, 1)],
            ['put', (p: string) => who.put(p, entry.value, 1)],
          ] as const) {
            const a = await send(`/v1/${c}/moderation-log/${entry.id}`);
            const b = await send(`/v1/${c}/moderation-log/${missing}`);
            assert.equal(as(a, entry.id, 'ID'), as(b, missing, 'ID'), `${view.who} ${what}`);
          }
        }
        // A moderator removing someone's post is a step in the log; an author removing their own is not.
        const cai = { id: 'cai', name: 'CAI' };
        for (const id of ['gone', 'mine'])
          assert.equal((await people.cai!.put(`/v1/${c}/posts/${id}`, offer(cai))).status, 201);
        assert.equal((await people.mod!.del(`/v1/${c}/posts/gone`)).status, 204);
        assert.equal((await people.cai!.del(`/v1/${c}/posts/mine`)).status, 204);
        const postSteps = (await people.mod!.get(`/v1/${c}/moderation-log`)).body.items
          .map((r: { value: Record<string, unknown> }) => r.value)
          .filter((v: Record<string, unknown>) => v.target === 'posts');
        assert.deepEqual(
          postSteps.map((v: Record<string, unknown>) => [v.action, v.by, v.personId, v.targetId]),
          [['remove', 'moderator', 'mo', 'gone']],
        );
        // Moderators cannot rewrite or remove it either.
        assert.equal(
          (await people.mod!.put(`/v1/${c}/moderation-log/${entry.id}`, entry.value, entry.rev)).status,
          403,
        );
        assert.equal((await people.mod!.del(`/v1/${c}/moderation-log/${entry.id}`)).status, 403);
        assert.equal((await people.mod!.put(`/v1/${c}/moderation-log/forged`, entry.value)).status, 403);
        for (const view of views) for (const s of view.streams) await s.close();
      });
    });
  });

  describe(`moderation limits on ${engine}`, () => {
    test('anonymous concerns are limited per community, never per person', async () => {
      const server = await startTestServer(engine, {
        anonymousLimit: { burst: 3, perMinute: 1 },
        rateLimit: {
          perIdentity: { burst: 2, perMinute: 1 },
          perAddress: false,
          reads: false,
          streams: false,
        },
      });
      try {
        const ana = client(server.url, await token('ana'));
        const ben = client(server.url, await token('ben'));
        const anonymous = () => ({
          type: 'raise',
          about: 'community',
          kind: 'other',
          text: 'too much',
          visibility: 'anonymous',
          key: newConcernKey(),
        });
        const a = uniqueName();
        const b = uniqueName();
        // Three in one community, by one person whose own bucket holds two: the person is not counted.
        for (let i = 0; i < 3; i++)
          assert.equal((await ana.op(`/v1/${a}/concerns/${randomId()}`, anonymous())).status, 201);
        const fourth = await ben.op(`/v1/${a}/concerns/${randomId()}`, anonymous());
        assert.equal(fourth.status, 429, 'the community’s allowance, whoever asks');
        assert.equal(fourth.body.error.code, 'rate-limited');
        assert.ok(Number(fourth.headers.get('retry-after')) >= 1);
        assert.equal(
          (await ben.op(`/v1/${b}/concerns/${randomId()}`, anonymous())).status,
          201,
          'another community has its own',
        );
        // Named concerns count against the person, as every write does.
        const named = {
          type: 'raise',
          about: 'community',
          kind: 'other',
          text: 'x',
          visibility: 'moderators',
        };
        assert.equal((await ana.op(`/v1/${a}/concerns/${randomId()}`, named)).status, 201);
        assert.equal((await ana.op(`/v1/${a}/concerns/${randomId()}`, named)).status, 201);
        assert.equal((await ana.op(`/v1/${a}/concerns/${randomId()}`, named)).status, 429);
      } finally {
        await server.stop();
      }
    });

    test('--dev mints moderator tokens for the demo; a moderator token reads the queue', async () => {
      const server = await startTestServer(
        engine,
        { dev: true, jwtSecret: undefined },
        { devSecret: 'dev-secret-for-tests-0123456789abcdef' },
      );
      try {
        const mint = async (body: unknown) => (await call(server.url, 'POST', '/dev/token', { body })).body;
        const moderator = await mint({ sub: 'demo-moderator', name: 'Moderator', role: 'moderator' });
        assert.equal(moderator.role, 'moderator');
        const neighbour = await mint({ sub: 'demo-neighbour', name: 'Rosa' });
        assert.equal(neighbour.role, undefined);
        const c = uniqueName();
        const key = newConcernKey();
        const raised = await client(server.url, neighbour.token).op(`/v1/${c}/concerns/${randomId()}`, {
          type: 'raise',
          about: 'community',
          kind: 'other',
          text: 'hello',
          visibility: 'anonymous',
          key,
        });
        assert.equal(raised.status, 201);
        assert.equal(
          (await client(server.url, moderator.token).get(`/v1/${c}/concerns`)).body.items.length,
          1,
        );
        assert.equal(
          (await client(server.url, neighbour.token).get(`/v1/${c}/concerns`)).body.items.length,
          0,
        );
      } finally {
        await server.stop();
      }
    });
  });
}
