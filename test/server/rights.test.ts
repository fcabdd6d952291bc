/**
 * Identity and rights, enforced by the server with the rules of src/domain: people change only
 * what is theirs, moderators may remove, tokens are checked, and private things reach only the
 * people they belong to — in lists, gets and live events alike.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { createPost, type Post, type PostInput } from '../../src/domain/offers.js';
import { recordId } from '../../src/domain/record-ids.js';
import { checkInId } from '../../src/domain/capacity.js';
import {
  call,
  client,
  ENGINES,
  openEvents,
  SECRET,
  startTestServer,
  token,
  uniqueName,
  type TestServer,
} from './helpers.js';

const post = (author: string, input: Partial<PostInput> = {}): Post =>
  createPost(
    'maple',
    {
      kind: 'offer',
      title: 'Soup on Sunday',
      category: 'meals',
      slots: 2,
      privateDetails: 'Flat 2, ring twice',
      ...input,
    },
    { id: author, name: author.toUpperCase() },
    new Date(),
  );

for (const engine of ENGINES) {
  describe(`rights on ${engine}`, () => {
    let server: TestServer;
    let ana: ReturnType<typeof client>;
    let ben: ReturnType<typeof client>;
    let cai: ReturnType<typeof client>;
    let mod: ReturnType<typeof client>;
    const tokens: Record<string, string> = {};

    before(async () => {
      server = await startTestServer(engine);
      for (const who of ['ana', 'ben', 'cai']) tokens[who] = await token(who);
      tokens.mod = await token('mo', { role: 'moderator' });
      ana = client(server.url, tokens.ana);
      ben = client(server.url, tokens.ben);
      cai = client(server.url, tokens.cai);
      mod = client(server.url, tokens.mod);
    });
    after(() => server.stop());

    test('another person’s post cannot be written whole (403 use-operation) or deleted; a moderator can remove it', async () => {
      const c = uniqueName();
      const path = `/v1/${c}/posts/p1`;
      const mine = post('ana');
      assert.equal((await ana.put(path, mine)).status, 201);
      const edit = await ben.put(path, { ...mine, title: 'Ben was here' }, 1);
      assert.equal(edit.status, 403);
      assert.equal(edit.body.error.code, 'use-operation');
      assert.match(edit.body.error.message, /POST .*\/ops/);
      assert.equal((await ben.del(path, 1)).status, 403);
      assert.equal((await ben.put(`/v1/${c}/posts/p2`, post('ana'))).status, 403, 'posting as someone else');
      assert.equal((await ana.get(path)).body.value.title, 'Soup on Sunday', 'nothing changed');
      assert.equal(
        (await mod.put(path, { ...mine, title: 'moderated' }, 1)).status,
        403,
        'a moderator removes, not edits',
      );
      assert.equal((await mod.del(path, 1)).status, 204);
      assert.equal((await ana.get(path)).status, 404);
    });

    test('a person claims and releases only their own claim; private details reach the claimant', async () => {
      const c = uniqueName();
      const path = `/v1/${c}/posts/p`;
      await ana.put(path, post('ana'));
      const seenByBen = await ben.get(path);
      assert.equal(seenByBen.body.value.privateDetails, undefined, 'not shown before a claim');
      const claimed = await ben.op(path, { type: 'claim', claimId: 'k1' }, seenByBen.body.rev);
      assert.equal(claimed.status, 200, JSON.stringify(claimed.body));
      assert.equal(claimed.body.author, 'ana', 'the post stays Ana’s');
      assert.equal(
        claimed.body.value.privateDetails,
        'Flat 2, ring twice',
        'the claimant now sees the details',
      );
      assert.equal(
        (await ana.get(path)).body.value.privateDetails,
        'Flat 2, ring twice',
        'the stored details were kept',
      );

      // Cai may not release Ben's claim, nor claim in Dee's name: an operation names no person.
      const now = (await cai.get(path)).body;
      assert.equal(now.value.privateDetails, undefined);
      const released = await cai.op(path, { type: 'release', claimId: 'k1' });
      assert.equal(released.status, 403);
      assert.equal(released.body.error.code, 'not-yours');
      const inDeesName = await cai.op(path, { type: 'claim', claimId: 'k2', personId: 'dee' });
      assert.equal(inDeesName.status, 400, 'claiming in someone else’s name');
      // Ben may.
      assert.equal((await ben.op(path, { type: 'release', claimId: 'k1' })).status, 200);
      assert.equal((await ben.get(path)).body.value.privateDetails, undefined, 'released: no longer shown');
      // Moderators see everything.
      assert.equal((await mod.get(path)).body.value.privateDetails, 'Flat 2, ring twice');
    });

    test('live events carry the same filtering as reads', async () => {
      const c = uniqueName();
      const streams = {
        ben: await openEvents(`${server.url}/v1/${c}/events`, { token: tokens.ben }),
        cai: await openEvents(`${server.url}/v1/${c}/events`, { token: tokens.cai }),
        ana: await openEvents(`${server.url}/v1/${c}/events`, { token: tokens.ana }),
      };
      for (const s of Object.values(streams)) await s.next((e) => e.event === 'ready');
      await ana.put(`/v1/${c}/posts/p`, post('ana'));
      for (const s of Object.values(streams))
        await s.next((e) => e.event === 'message' && JSON.parse(e.data).id === 'p');
      await ben.op(`/v1/${c}/posts/p`, { type: 'claim', claimId: 'k1' });
      for (const s of Object.values(streams))
        await s.next((e) => e.event === 'message' && JSON.parse(e.data).record?.rev === 2);
      // A private reflection of Ana's goes to Ana's stream only.
      await ana.put(`/v1/${c}/offer-reflections/p:ana`, {
        postId: 'p',
        personId: 'ana',
        again: true,
        at: new Date().toISOString(),
      });
      await ana.put(`/v1/${c}/notes/last`, { marker: true });
      for (const s of Object.values(streams))
        await s.next((e) => e.event === 'message' && JSON.parse(e.data).id === 'last');
      const details = (who: keyof typeof streams) =>
        streams[who]
          .changes()
          .filter((ch) => ch.collection === 'posts')
          .map((ch) => ch.record.value.privateDetails ?? null);
      assert.deepEqual(details('ana'), ['Flat 2, ring twice', 'Flat 2, ring twice']);
      assert.deepEqual(details('ben'), [null, 'Flat 2, ring twice'], 'ben sees them once his claim is on');
      assert.deepEqual(details('cai'), [null, null]);
      const reflections = (who: keyof typeof streams) =>
        streams[who].changes().filter((ch) => ch.collection === 'offer-reflections').length;
      assert.equal(reflections('ana'), 1);
      assert.equal(reflections('ben'), 0);
      assert.equal(reflections('cai'), 0);
      for (const s of Object.values(streams)) await s.close();
    });

    test('private-to-author collections are listed and sent only to their author', async () => {
      const c = uniqueName();
      const at = new Date().toISOString();
      await ana.put(`/v1/${c}/offer-reflections/p:ana`, { postId: 'p', personId: 'ana', again: false, at });
      await ben.put(`/v1/${c}/offer-reflections/p:ben`, { postId: 'p', personId: 'ben', again: true, at });
      await ana.put(`/v1/${c}/check-in-history/ana:2026-01-01`, {
        personId: 'ana',
        circle: 'x',
        date: '2026-01-01',
        level: 'some',
      });
      const anaList = await ana.get(`/v1/${c}/offer-reflections`);
      assert.deepEqual(
        anaList.body.items.map((r: { id: string }) => r.id),
        ['p:ana'],
      );
      assert.deepEqual(
        (await ben.get(`/v1/${c}/offer-reflections`)).body.items.map((r: { id: string }) => r.id),
        ['p:ben'],
      );
      assert.equal((await ben.get(`/v1/${c}/offer-reflections/p:ana`)).status, 404);
      assert.equal((await mod.get(`/v1/${c}/offer-reflections`)).body.items.length, 0, 'not even moderators');
      assert.equal((await ben.get(`/v1/${c}/check-in-history`)).body.items.length, 0);
      assert.equal((await ben.get(`/v1/${c}/check-in-history/ana:2026-01-01`)).status, 404);
      assert.equal((await ben.del(`/v1/${c}/offer-reflections/p:ana`)).status, 404);
      // Refused for the id alone, whether or not it exists: nothing about Ana's record is told.
      for (const id of ['p:ana', 'p:nobody'])
        assert.equal(
          (
            await ben.put(`/v1/${c}/offer-reflections/${id}`, {
              postId: 'p',
              personId: 'ben',
              again: true,
              at,
            })
          ).status,
          403,
        );
      assert.equal((await ana.get(`/v1/${c}/offer-reflections/p:ana`)).body.value.again, false, 'unchanged');
    });

    test('check-ins: a person writes only their own; "just me" and counted ones are theirs alone', async () => {
      const c = uniqueName();
      const expiresAt = new Date(Date.now() + 3600_000).toISOString();
      const checkIn = (person: string, visibility: string) => ({
        circle: 'street',
        personId: person,
        personName: person.toUpperCase(),
        level: 'some',
        kinds: ['listening'],
        note: 'evenings only',
        expiresAt,
        visibility,
        updatedAt: new Date().toISOString(),
      });
      const anaId = checkInId('street', 'ana');
      assert.equal((await ben.put(`/v1/${c}/check-ins/${anaId}`, checkIn('ana', 'circle'))).status, 403);
      assert.equal((await ana.put(`/v1/${c}/check-ins/${anaId}`, checkIn('ana', 'just-me'))).status, 201);
      assert.equal((await ben.get(`/v1/${c}/check-ins`)).body.items.length, 0);
      assert.equal((await ana.get(`/v1/${c}/check-ins`)).body.items.length, 1);
      const benId = checkInId('street', 'ben');
      await ben.put(`/v1/${c}/check-ins/${benId}`, checkIn('ben', 'counted'));
      // Counted means a figure, never a record: absent for everyone but Ben, moderators included.
      assert.equal((await ana.get(`/v1/${c}/check-ins/${benId}`)).status, 404);
      assert.equal((await ana.get(`/v1/${c}/check-ins`)).body.items.length, 1, 'only her own');
      assert.equal((await ben.get(`/v1/${c}/check-ins/${benId}`)).body.value.note, 'evenings only');
      assert.equal((await ana.del(`/v1/${c}/check-ins/${benId}`)).status, 404);
      assert.equal((await mod.del(`/v1/${c}/check-ins/${benId}`)).status, 404);
      // A named one is the circle's: a moderator may clear it.
      await ben.put(`/v1/${c}/check-ins/${benId}`, checkIn('ben', 'circle'), 1);
      assert.equal((await ana.get(`/v1/${c}/check-ins/${benId}`)).body.value.note, 'evenings only');
      assert.equal((await ana.del(`/v1/${c}/check-ins/${benId}`)).status, 403);
      assert.equal((await mod.del(`/v1/${c}/check-ins/${benId}`)).status, 204);
    });

    test('reflection counts are written only by the server, one per person, by nobody', async () => {
      const c = uniqueName();
      const id = recordId('p');
      const at = new Date().toISOString();
      const put = await ana.put(`/v1/${c}/reflection-counts/${id}`, { postId: 'p', count: 9 });
      assert.equal(put.status, 403, 'nobody writes a count whole');
      assert.equal((await ana.put(`/v1/${c}/reflection-counts/p~k1`, { postId: 'p', at })).status, 403);
      const first = await ana.op(`/v1/${c}/reflection-counts/${id}`, { type: 'count', postId: 'p' });
      assert.equal(first.status, 200);
      assert.deepEqual(
        first.body.value,
        { postId: 'p', count: 0 },
        'below three: not shown, even to its reader',
      );
      assert.equal(first.body.author, 'anonymous');
      assert.equal(
        (await ana.op(`/v1/${c}/reflection-counts/${recordId('q')}`, { type: 'count', postId: 'p' })).status,
        400,
        'the count of another post',
      );
      await ben.op(`/v1/${c}/reflection-counts/${id}`, { type: 'count', postId: 'p' });
      await ana.op(`/v1/${c}/reflection-counts/${id}`, { type: 'count', postId: 'p' });
      assert.equal(
        (await cai.op(`/v1/${c}/reflection-counts/${id}`, { type: 'count', postId: 'p' })).body.value.count,
        3,
        'ana counted once, however often she sent it',
      );
      assert.equal((await ana.get(`/v1/${c}/reflection-counts`)).body.items[0].author, 'anonymous');
      assert.equal((await ben.del(`/v1/${c}/reflection-counts/${id}`)).status, 403);
    });

    test('generic collections: only the creator changes a record; moderators may delete', async () => {
      const c = uniqueName();
      await ana.put(`/v1/${c}/notes/n`, { v: 1 });
      assert.equal((await ben.put(`/v1/${c}/notes/n`, { v: 2 }, 1)).status, 403);
      assert.equal((await ben.del(`/v1/${c}/notes/n`)).status, 403);
      assert.equal((await ana.put(`/v1/${c}/notes/n`, { v: 2 }, 1)).status, 200);
      assert.equal((await mod.del(`/v1/${c}/notes/n`)).status, 204);
    });

    test('open collections: anyone signed in changes a record; only its creator or a moderator deletes it', async () => {
      const c = uniqueName();
      await ana.put(`/v1/${c}/shared/list`, { items: ['soup'] });
      const changed = await ben.put(`/v1/${c}/shared/list`, { items: ['soup', 'bread'] }, 1);
      assert.equal(changed.status, 200);
      assert.equal(changed.body.author, 'ana', 'author is who created it, whoever writes later');
      assert.equal((await ben.del(`/v1/${c}/shared/list`)).status, 403);
      assert.equal((await ana.del(`/v1/${c}/shared/list`)).status, 204);
    });

    test('forged, expired, unsigned and malformed tokens get 401', async () => {
      const c = uniqueName();
      const path = `/v1/${c}/notes/n`;
      const forged = await token('ana', { secret: 'another-secret-that-is-also-long-enough' });
      const expired = await token('ana', { now: Date.now() - 7200_000, expiresInSeconds: 60 });
      const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
        JSON.stringify({ sub: 'ana', exp: Math.floor(Date.now() / 1000) + 60 }),
      ).toString('base64url')}.`;
      const noExpiry = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('ana')
        .sign(new TextEncoder().encode(SECRET));
      const tampered = (() => {
        const [h, , s] = tokens.ana!.split('.');
        const payload = Buffer.from(
          JSON.stringify({ sub: 'mo', role: 'moderator', exp: Math.floor(Date.now() / 1000) + 60 }),
        ).toString('base64url');
        return `${h}.${payload}.${s}`;
      })();
      for (const [what, bad] of Object.entries({
        forged,
        expired,
        unsigned,
        noExpiry,
        tampered,
        garbage: 'not-a-jwt',
      })) {
        const put = await call(server.url, 'PUT', path, { token: bad, body: { value: { v: 1 } } });
        assert.equal(put.status, 401, `${what} token on a write`);
        assert.equal(put.body.error.code, 'unauthorized');
        assert.equal(
          (await call(server.url, 'GET', path, { token: bad })).status,
          401,
          `${what} token on a read`,
        );
      }
      assert.equal(
        (await call(server.url, 'PUT', path, { body: { value: { v: 1 } } })).status,
        401,
        'no token',
      );
      assert.equal((await call(server.url, 'GET', `/v1/${c}/notes`)).status, 401, 'reading without a token');
      assert.equal(
        (await call(server.url, 'GET', path, { headers: { authorization: 'Basic YW5hOmFuYQ==' } })).status,
        401,
      );
      assert.equal((await ana.get(`/v1/${c}/notes`)).body.items.length, 0, 'nothing was stored');
    });
  });
}

describe('public communities', () => {
  test('are readable without a token; writes still need one', async () => {
    const server = await startTestServer('pglite', { publicCommunities: new Set(['open']) });
    try {
      const ana = client(server.url, await token('ana'));
      await ana.put('/v1/open/notes/n', { v: 1 });
      await ana.put('/v1/open/offer-reflections/p:ana', {
        postId: 'p',
        personId: 'ana',
        again: true,
        at: new Date().toISOString(),
      });
      const anonymous = client(server.url);
      assert.equal((await anonymous.get('/v1/open/notes')).body.items.length, 1);
      assert.equal(
        (await anonymous.get('/v1/open/offer-reflections')).body.items.length,
        0,
        'private records stay private',
      );
      assert.equal((await anonymous.put('/v1/open/notes/m', { v: 1 })).status, 401);
      assert.equal((await anonymous.get('/v1/closed/notes')).status, 401);
    } finally {
      await server.stop();
    }
  });
});

describe('tokens signed with a key from a JWKS URL', () => {
  test('are accepted; tokens signed with another key, or with HS256, are not', async () => {
    const { generateKeyPair, exportJWK, SignJWT: Sign } = await import('jose');
    const { createServer } = await import('node:http');
    const site = await generateKeyPair('ES256');
    const stranger = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(site.publicKey)), kid: 'site-1', alg: 'ES256', use: 'sig' };
    const jwks = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as { port: number }).port}/.well-known/jwks.json`;
    const server = await startTestServer('pglite', { jwtSecret: undefined, jwksUrl });
    try {
      const sign = (key: CryptoKey, kid = 'site-1') =>
        new Sign({ name: 'Ana' })
          .setProtectedHeader({ alg: 'ES256', kid })
          .setSubject('ana')
          .setIssuedAt()
          .setExpirationTime('10m')
          .sign(key);
      const c = uniqueName();
      const ok = await call(server.url, 'PUT', `/v1/${c}/notes/n`, {
        token: await sign(site.privateKey),
        body: { value: { v: 1 } },
      });
      assert.equal(ok.status, 201, ok.text);
      assert.equal(ok.body.author, 'ana');
      const other = await call(server.url, 'PUT', `/v1/${c}/notes/m`, {
        token: await sign(stranger.privateKey),
        body: { value: { v: 1 } },
      });
      assert.equal(other.status, 401);
      const hs = await call(server.url, 'PUT', `/v1/${c}/notes/h`, {
        token: await token('ana'),
        body: { value: { v: 1 } },
      });
      assert.equal(hs.status, 401, 'no HS256 secret is configured');
    } finally {
      await server.stop();
      jwks.close();
    }
  });
});
