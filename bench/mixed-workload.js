// The mixed workload of a community (for server.bench.js; not a test): 1,000 distinct signed-in
// people in 10 communities of 100, each request from one of them. 90 % reads: lists and gets of
// posts, the check-in aggregate; 10 % writes: new posts, claims and releases through the
// operations endpoint, check-ins. Autocannon sends it; `seedMixed` makes the communities first.
import { SignJWT } from 'jose';

export const PEOPLE = 1000;
export const COMMUNITIES = 10;
/** Posts each community starts with (new ones are added during the run). */
export const POSTS_PER_COMMUNITY = 40;
const CIRCLE = 'street';

/** What one request in a hundred is: the shares of the mix. */
export const MIX = [
  ['list posts', 40],
  ['get a post', 35],
  ['check-in aggregate', 15],
  ['new post', 1],
  ['claim', 4],
  ['release', 3],
  ['check-in', 2],
];

const personId = (i) => `person-${i}`;
const communityOf = (person) => person % COMMUNITIES;

/** An open offer with many slots, as `createPost` makes it. */
export const benchOffer = (authorId, authorName, title) => ({
  board: 'bench',
  kind: 'offer',
  authorId,
  authorName,
  title,
  details: 'A big pot; bring a container.',
  category: 'meals',
  when: { flexible: true },
  slots: 50,
  privateDetails: 'Side door, code 1234',
  status: 'open',
  createdAt: new Date().toISOString(),
  claims: [],
});

/** An open offer by person `author`. */
export const post = (author, title) => benchOffer(personId(author), `Person ${author}`, title);

const checkIn = (person) => ({
  circle: CIRCLE,
  personId: personId(person),
  personName: `Person ${person}`,
  level: ['plenty', 'some', 'a-little'][person % 3],
  kinds: ['listening', 'practical'],
  note: 'Evenings are best',
  expiresAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
  visibility: ['circle', 'counted', 'just-me'][person % 3],
  updatedAt: new Date().toISOString(),
});

/** The tokens of the 1,000 people, signed as the host site would. */
export async function tokens(secret) {
  const key = new TextEncoder().encode(secret);
  return Promise.all(
    Array.from({ length: PEOPLE }, async (_, i) => ({
      authorization: `Bearer ${await new SignJWT({ name: `Person ${i}` })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(personId(i))
        .setIssuedAt()
        .setExpirationTime('2h')
        .sign(key)}`,
    })),
  );
}

/** Makes the communities: their posts, and a check-in from a third of their people. */
export async function seedMixed(url, prefix, auth) {
  const send = async (path, method, person, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...auth[person], 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status >= 300)
      throw new Error(`seeding ${path}: ${response.status} ${await response.text()}`);
    return response.text();
  };
  const samples = {};
  for (let c = 0; c < COMMUNITIES; c++) {
    const community = `${prefix}-${c}`;
    await Promise.all(
      Array.from({ length: POSTS_PER_COMMUNITY }, (_, i) => {
        const author = c + COMMUNITIES * (i % (PEOPLE / COMMUNITIES));
        return send(`/v1/${community}/posts/p${i}`, 'PUT', author, { value: post(author, `Soup, pot ${i}`) });
      }),
    );
    await Promise.all(
      Array.from({ length: PEOPLE / COMMUNITIES / 3 }, (_, k) => {
        const person = c + COMMUNITIES * 3 * k;
        return send(`/v1/${community}/check-ins/${CIRCLE}:${personId(person)}`, 'PUT', person, {
          value: checkIn(person),
        });
      }),
    );
  }
  // What a bare server answers with, for the ceiling of this mix: the same bodies.
  const get = async (path) => (await fetch(`${url}${path}`, { headers: auth[0] })).text();
  samples.list = await get(`/v1/${prefix}-0/posts`);
  samples.post = await get(`/v1/${prefix}-0/posts/p0`);
  samples.aggregate = await get(
    `/v1/${prefix}-0/aggregates/circle?circle=${CIRCLE}&kinds=listening,practical`,
  );
  return samples;
}

/**
 * The autocannon `requests` of the mix for communities `${prefix}-0…9`. Claims are released
 * oldest first, so a release names a claim that was made; each person's check-in is created,
 * then changed with the revision its last answer gave.
 */
export function mixedRequests(prefix, auth, random = Math.random) {
  const total = MIX.reduce((sum, [, share]) => sum + share, 0);
  const pick = () => {
    let r = random() * total;
    for (const [name, share] of MIX) if ((r -= share) < 0) return name;
    return MIX[0][0];
  };
  let n = 0;
  /** Claims made and not yet released, oldest first. */
  const claims = [];
  /** Each person's check-in revision (0: none yet; the seeded third start at 1). */
  const checkInRev = new Map();
  for (let person = 0; person < PEOPLE; person++)
    if (Math.floor(person / COMMUNITIES) % 3 === 0) checkInRev.set(person, 1);
  /** Posts per community: the seeded ones and those added. */
  const posts = Array.from({ length: COMMUNITIES }, () => POSTS_PER_COMMUNITY);
  const json = (person, extra = {}) => ({
    ...auth[person],
    'content-type': 'application/json',
    ...extra,
  });
  return [
    {
      setupRequest(request, context) {
        const person = Math.floor(random() * PEOPLE);
        const c = communityOf(person);
        const community = `${prefix}-${c}`;
        let what = pick();
        if (what === 'release' && claims.length < 20) what = 'claim';
        if (what === 'claim' && claims.length > 400) what = 'release';
        context.what = what;
        context.person = person;
        const i = n++;
        switch (what) {
          case 'list posts':
            return { ...request, method: 'GET', path: `/v1/${community}/posts`, headers: auth[person] };
          case 'get a post':
            return {
              ...request,
              method: 'GET',
              path: `/v1/${community}/posts/p${Math.floor(random() * posts[c])}`,
              headers: auth[person],
            };
          case 'check-in aggregate':
            return {
              ...request,
              method: 'GET',
              path: `/v1/${community}/aggregates/circle?circle=${CIRCLE}&kinds=listening,practical`,
              headers: auth[person],
            };
          case 'new post': {
            const id = `p${posts[c]++}`;
            return {
              ...request,
              method: 'PUT',
              path: `/v1/${community}/posts/${id}`,
              headers: json(person, { 'idempotency-key': `k-${prefix}-${i}` }),
              body: JSON.stringify({ value: post(person, `Bread, loaf ${i}`) }),
            };
          }
          case 'claim': {
            const target = `p${Math.floor(random() * POSTS_PER_COMMUNITY)}`;
            const claimId = `c-${prefix}-${i}`;
            claims.push({ person, community, target, claimId });
            return {
              ...request,
              method: 'POST',
              path: `/v1/${community}/posts/${target}/ops`,
              headers: json(person, { 'idempotency-key': `k-${claimId}` }),
              body: JSON.stringify({ type: 'claim', claimId }),
            };
          }
          case 'release': {
            const claim = claims.shift();
            context.person = claim.person;
            return {
              ...request,
              method: 'POST',
              path: `/v1/${claim.community}/posts/${claim.target}/ops`,
              headers: json(claim.person, { 'idempotency-key': `r-${claim.claimId}` }),
              body: JSON.stringify({ type: 'release', claimId: claim.claimId }),
            };
          }
          default: {
            const rev = checkInRev.get(person) ?? 0;
            if (rev < 0) {
              // Its first write is still on its way: read the aggregate instead.
              context.what = 'check-in aggregate';
              return {
                ...request,
                method: 'GET',
                path: `/v1/${community}/aggregates/circle?circle=${CIRCLE}&kinds=listening`,
                headers: auth[person],
              };
            }
            checkInRev.set(person, -1);
            return {
              ...request,
              method: 'PUT',
              path: `/v1/${community}/check-ins/${CIRCLE}:${personId(person)}`,
              headers: json(person, rev ? { 'if-match': String(rev) } : {}),
              body: JSON.stringify({ value: checkIn(person) }),
            };
          }
        }
      },
      onResponse(status, body, context) {
        if (context.what !== 'check-in') return;
        const match = /"rev"\s*:\s*(\d+)/.exec(body ?? '');
        if (status < 300 && match) checkInRev.set(context.person, Number(match[1]));
        else checkInRev.delete(context.person);
      },
    },
  ];
}
