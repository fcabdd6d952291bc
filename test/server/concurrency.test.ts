/**
 * Many people at once: 50 clients race to claim an offer with 5 slots, each with one claim
 * operation (the server applies it to the current post inside a compare-and-set and retries a
 * lost race). Exactly 5 claims are stored, none lost, none doubled; the rest hear `full`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createPost, type Post } from '../../src/domain/offers.js';
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
      const outcomes = await Promise.all(
        people.map(async (person, i) => {
          const me = client(server.url, tokens[i]);
          for (let attempt = 0; attempt < 50; attempt++) {
            const claim = await me.op(path, { type: 'claim', claimId: `claim-${person}` });
            if (claim.status === 200) return { person, claimed: true, rev: claim.body.rev as number };
            assert.equal(claim.status, 409, `unexpected ${claim.status}: ${claim.text}`);
            if (claim.body.error.code === 'full') return { person, claimed: false };
            // The server retried a few times and still lost the race: try again.
            assert.equal(claim.body.error.code, 'conflict');
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
      const revs = outcomes
        .filter((o) => o.claimed)
        .map((o) => o.rev)
        .sort();
      assert.deepEqual(revs, [2, 3, 4, 5, 6]);
    });
  });
}
