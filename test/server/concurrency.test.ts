/**
 * Many people at once: 50 clients race to claim an offer with 5 slots (read, modify with the
 * domain rules, put with If-Match, retry on 409). Exactly 5 claims are stored, none lost, none
 * doubled.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { claimSlot, createPost, OfferError, type Post } from '../../src/domain/offers.js';
import { client, ENGINES, startTestServer, token, uniqueName, type TestServer } from './helpers.js';

for (const engine of ENGINES) {
  describe(`concurrent claims on ${engine}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(engine);
    });
    after(() => server.stop());

    test('50 clients claim an offer with 5 slots: exactly 5 claims are stored', async () => {
      const c = uniqueName();
      const path = `/v1/${c}/posts/soup`;
      const author = client(server.url, await token('ana'));
      const offer = createPost(
        'maple',
        { kind: 'offer', title: 'Soup', category: 'meals', slots: 5 },
        { id: 'ana' },
        new Date(),
      );
      assert.equal((await author.put(path, offer)).status, 201);

      const people = Array.from({ length: 50 }, (_, i) => `p${String(i).padStart(2, '0')}`);
      const tokens = await Promise.all(people.map((p) => token(p)));
      let conflicts = 0;
      const outcomes = await Promise.all(
        people.map(async (person, i) => {
          const me = client(server.url, tokens[i]);
          for (let attempt = 0; attempt < 200; attempt++) {
            const current = await me.get(path);
            assert.equal(current.status, 200);
            let next: Post;
            try {
              next = claimSlot(
                current.body.value,
                { id: person },
                { claimId: `claim-${person}`, now: new Date() },
              );
            } catch (error) {
              if (error instanceof OfferError && error.code === 'full') return { person, claimed: false };
              throw error;
            }
            const put = await me.put(path, next, current.body.rev);
            if (put.status === 200) return { person, claimed: true, rev: put.body.rev as number };
            assert.equal(put.status, 409, `unexpected ${put.status}: ${put.text}`);
            conflicts++;
          }
          throw new Error(`${person} never got an answer`);
        }),
      );

      const winners = outcomes
        .filter((o) => o.claimed)
        .map((o) => o.person)
        .sort();
      const stored = (await author.get(path)).body;
      const claimants = (stored.value as Post).claims.map((claim) => claim.personId).sort();
      assert.equal(winners.length, 5, 'clients told their claim was stored');
      assert.deepEqual(claimants, winners, 'every stored claim is one a client was told about, and no other');
      assert.equal(new Set(claimants).size, 5, 'nobody holds two slots');
      assert.deepEqual(
        (stored.value as Post).claims.map((claim) => claim.slot).sort(),
        [0, 1, 2, 3, 4],
        'each slot held once',
      );
      assert.equal(stored.rev, 6, 'one revision per stored claim');
      assert.ok(conflicts > 0, 'the race really happened');
      const revs = outcomes
        .filter((o) => o.claimed)
        .map((o) => o.rev)
        .sort();
      assert.deepEqual(revs, [2, 3, 4, 5, 6]);
    });
  });
}
