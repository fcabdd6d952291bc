/**
 * HttpAdapter in Chromium against a real tend-server (started by web-test-runner.http.config.js,
 * on PGlite, or on PostgreSQL under scripts/with-postgres.sh): the shared conformance suite,
 * then errors, live updates, the offline outbox across a reload and a server restart, and the
 * provider's `storage="http"`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { StorageAdapter } from '../../src/storage/adapter.js';
import { runAdapterConformance } from '../../src/storage/conformance.js';
import {
  HttpAdapter,
  type NotSyncedError,
  type RecordChange,
  type StorageError,
} from '../../src/storage/index.js';
import { openOutbox } from '../../src/storage/outbox.js';
import '../../src/provider/index.js';
import { checkInId } from '../../src/domain/capacity.js';
import { concernQueue, newConcernKey, type Concern } from '../../src/domain/concerns.js';
import { createPost, type Post } from '../../src/domain/offers.js';
import { randomId } from '../../src/domain/record-ids.js';
import type { TendProvider } from '../../src/provider/tend-provider.js';

interface ServerInfo {
  url: string;
  engine: string;
}

const server = (await (await fetch('/__tend-server/info')).json()) as ServerInfo;
const control = async (action: 'stop' | 'start') => (await fetch(`/__tend-server/${action}`)).json();

const tokens = new Map<string, Promise<string>>();
/** A token for `sub`, from the server's --dev endpoint. */
function tokenFor(sub: string, role?: 'moderator'): Promise<string> {
  const key = `${sub}/${role ?? ''}`;
  if (!tokens.has(key))
    tokens.set(
      key,
      fetch(`${server.url}/dev/token`, { method: 'POST', body: JSON.stringify({ sub, name: sub, role }) })
        .then((r) => r.json())
        .then((b: { token: string }) => b.token),
    );
  return tokens.get(key)!;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}`;

async function deleteDatabase(name: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

const fast = { minMs: 100, maxMs: 500 };

async function open(community: string, author: string, outbox = unique('outbox')): Promise<HttpAdapter> {
  const adapter = new HttpAdapter({
    endpoint: server.url,
    community,
    author,
    token: await tokenFor(author),
    outbox,
    retry: fast,
  });
  await adapter.ready();
  return adapter;
}

/**
 * The adapter under a community name of the suite's choosing. Every store maps its communities
 * to names no other test uses, so each test starts on an empty server-side community (as the
 * browser adapters' tests use a new database name), while the adapter reports the name asked for.
 */
function named(adapter: HttpAdapter, community: string): StorageAdapter {
  return {
    community,
    get author() {
      return adapter.author;
    },
    get status() {
      return adapter.status;
    },
    get: (c, id) => adapter.get(c, id),
    list: (c) => adapter.list(c),
    put: (c, id, value, options) => adapter.put(c, id, value, options),
    remove: (c, id, options) => adapter.remove(c, id, options),
    subscribe: (c, listener) => adapter.subscribe(c, listener),
    subscribeStatus: (listener) => adapter.subscribeStatus(listener),
    close: () => adapter.close(),
  };
}

runAdapterConformance(`HttpAdapter on tend-server (${server.engine})`, {
  newStore: () => {
    const prefix = unique('conf');
    const outbox = `tend-outbox-${prefix}`;
    return {
      open: async ({ community, author }) =>
        named(await open(`${prefix}-${community}`, author, outbox), community),
      dispose: () => deleteDatabase(outbox),
    };
  },
});

function changes(adapter: StorageAdapter, collection: string): RecordChange[] {
  const seen: RecordChange[] = [];
  adapter.subscribe(collection, (change) => seen.push(change));
  return seen;
}

async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 8000,
  state?: () => unknown,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${ms} ms${state ? ` (${JSON.stringify(state())})` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function rejection(promise: Promise<unknown>): Promise<StorageError> {
  try {
    await promise;
  } catch (error) {
    return error as StorageError;
  }
  throw new Error('expected a rejection');
}

describe('HttpAdapter', () => {
  const opened: HttpAdapter[] = [];
  const track = (adapter: HttpAdapter) => (opened.push(adapter), adapter);
  afterEach(async () => {
    for (const adapter of opened.splice(0)) adapter.close();
    await control('start');
  });

  it('says records live on a shared server', async () => {
    const adapter = track(await open(unique('c'), 'ana'));
    expect(adapter.status).to.deep.equal({ location: 'server', persistent: true, shared: true, pending: 0 });
  });

  it('turns refusals into typed errors: 403 forbidden, 401 unauthorized, 413 quota, 400 invalid', async () => {
    const community = unique('c');
    const ana = track(await open(community, 'ana'));
    const ben = track(await open(community, 'ben'));
    const note = await ana.put('owned', 'n', { text: 'mine' });
    const forbidden = await rejection(
      ben.put('owned', 'n', { text: 'ben was here' }, { expectedRev: note.rev }),
    );
    expect(forbidden.code).to.equal('forbidden');
    expect(ben.status.problem?.code).to.equal('forbidden');
    expect((await rejection(ben.remove('owned', 'n'))).code).to.equal('forbidden');

    const stranger = track(
      new HttpAdapter({
        endpoint: server.url,
        community,
        author: 'eve',
        token: 'not-a-token',
        outbox: false,
        retry: fast,
      }),
    );
    expect((await rejection(stranger.put('notes', 'e', { v: 1 }))).code).to.equal('unauthorized');
    expect((await rejection(stranger.list('notes'))).code).to.equal('unauthorized');

    const tooLarge = await rejection(ana.put('notes', 'big', { text: 'x'.repeat(9 * 1024 * 1024) }));
    expect(tooLarge.code).to.equal('quota');
    expect(tooLarge.name).to.equal('QuotaError');
    expect((await rejection(ana.put('unknown-things', 'x', { v: 1 }))).code).to.equal('invalid');
    expect((await ana.get('owned', 'n'))?.value).to.deep.equal({ text: 'mine' });
    expect(ana.status.pending).to.equal(0, 'refused writes are not queued');
  });

  it('reads a record whose id is "events" (the stream route shares that path)', async () => {
    const adapter = track(await open(unique('c'), 'ana'));
    await adapter.put('notes', 'events', { v: 'not a stream' });
    expect((await adapter.get('notes', 'events'))?.value).to.deep.equal({ v: 'not a stream' });
  });

  it('queues writes while the server is down, keeps them across a reload, and sends them in order, exactly once', async () => {
    const community = unique('c');
    const outbox = unique('outbox');
    const watcher = track(await open(community, 'ben'));
    const seen = changes(watcher, 'notes');
    let page = track(await open(community, 'ana', outbox));
    const first = await page.put('notes', 'a', { v: 1 });
    await until(() => seen.length === 1, 'the first write reaches the other person');

    await control('stop');
    const pendingCounts: number[] = [];
    page.subscribeStatus((s) => pendingCounts.push(s.pending));
    const local = changes(page, 'notes');
    const second = await page.put('notes', 'a', { v: 2 }, { expectedRev: first.rev });
    expect(second).to.include({ id: 'a', rev: 2, author: 'ana' });
    expect(second.value).to.deep.equal({ v: 2 });
    await page.put('notes', 'b', { v: 'new' });
    await page.put('notes', 'a', { v: 3 }, { expectedRev: second.rev });
    await page.remove('notes', 'b', { expectedRev: 1 });
    expect(page.status.pending).to.equal(4);
    expect(page.status.problem?.code).to.equal('offline');
    expect(pendingCounts).to.include.members([1, 2, 3, 4]);
    expect(local.map((c) => `${c.type} ${c.id} ${c.record?.rev ?? ''}`)).to.deep.equal([
      'put a 2',
      'put b 1',
      'put a 3',
      'remove b ',
    ]);
    // Reads show the waiting writes on top of what the server last said.
    expect((await page.list('notes')).map((r) => [r.id, r.rev])).to.deep.equal([['a', 3]]);
    expect((await page.get('notes', 'a'))?.value).to.deep.equal({ v: 3 });
    expect((await rejection(page.list('never-read'))).code).to.equal('offline');

    // A reload: the page goes away with the writes still waiting.
    page.close();
    page = track(
      new HttpAdapter({
        endpoint: server.url,
        community,
        author: 'ana',
        token: await tokenFor('ana'),
        outbox,
        retry: fast,
      }),
    );
    await page.ready();
    expect(page.status.pending).to.equal(4, 'the outbox survived the reload');

    await control('start');
    await until(() => page.status.pending === 0, 'the outbox drains');
    // Live events carry each record as it is now: the other person may not see every step, but
    // always the present, in order, and ends where the page ended.
    const last = (id: string) => [...seen].reverse().find((c) => c.id === id);
    await until(
      () => last('a')?.record?.rev === 3 && last('b')?.type === 'remove',
      'the other person sees the queued writes arrive',
      8000,
      () => seen.map((c) => `${c.type} ${c.id} ${c.record?.rev ?? ''}`),
    );
    const revsOfA = seen.filter((c) => c.id === 'a').map((c) => c.record!.rev);
    // Two changes fanned out after both landed both carry the present record: the same version
    // may come twice, an older one never after a newer one.
    expect(revsOfA).to.deep.equal(
      [...revsOfA].sort((x, y) => x - y),
      'never an older version after a newer one',
    );
    const stored = await watcher.get('notes', 'a');
    expect(stored?.rev).to.equal(3, 'each write applied once');
    expect(stored?.value).to.deep.equal({ v: 3 });
    expect(await watcher.get('notes', 'b')).to.equal(undefined);
    await until(() => page.status.problem === undefined, 'the offline notice clears');
  });

  it('does not apply a queued write twice when its first answer was lost', async () => {
    const community = unique('c');
    const outbox = unique('outbox');
    const token = await tokenFor('ana');
    // The write reached the server, but (as far as the page knows) no answer came back.
    const key = unique('key');
    const sent = await fetch(`${server.url}/v1/${community}/notes/once`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify({ value: { v: 1 } }),
    });
    expect(sent.status).to.equal(201);
    const box = await openOutbox(outbox);
    await box.add({
      scope: `${server.url}\n${community}\nana`,
      collection: 'notes',
      id: 'once',
      op: 'put',
      value: { v: 1 },
      expectedRev: null,
      key,
      at: new Date().toISOString(),
    });
    box.close();
    const page = track(
      new HttpAdapter({ endpoint: server.url, community, author: 'ana', token, outbox, retry: fast }),
    );
    await page.ready();
    await until(() => page.status.pending === 0, 'the outbox drains');
    expect(page.status.problem).to.equal(
      undefined,
      'the retry was answered like the first, not as a conflict',
    );
    expect((await page.get('notes', 'once'))?.rev).to.equal(1);
  });

  it('drops a queued write the server refuses, says so, and shows the server’s version', async () => {
    const community = unique('c');
    const ana = track(await open(community, 'ana'));
    const created = await ana.put('notes', 'n', { text: 'first' });
    const other = track(await open(community, 'ana'));
    await other.put('notes', 'n', { text: 'from the other device' }, { expectedRev: created.rev });

    await control('stop');
    const seen = changes(ana, 'notes');
    await ana.put('notes', 'n', { text: 'offline edit' }, { expectedRev: created.rev });
    await ana.put('notes', 'n', { text: 'built on it' }, { expectedRev: created.rev + 1 });
    expect(ana.status.pending).to.equal(2);
    await control('start');
    await until(() => ana.status.pending === 0, 'the outbox empties');
    const problem = ana.status.problem as NotSyncedError | undefined;
    expect(problem?.code).to.equal('not-synced');
    expect(problem?.reason).to.equal('conflict');
    expect(problem?.message).to.contain('notes/n');
    expect(problem?.value).to.deep.equal({ text: 'offline edit' }, 'the refused value is kept, not lost');
    await until(
      () =>
        seen.some(
          (c) => c.record?.value && (c.record.value as { text: string }).text === 'from the other device',
        ),
      'the server’s version comes back',
    );
    expect((await ana.get('notes', 'n'))?.value).to.deep.equal({ text: 'from the other device' });
  });

  it('reconnects its live updates after the server restarts', async () => {
    const community = unique('c');
    const listener = track(await open(community, 'ana'));
    const seen = changes(listener, 'notes');
    await control('stop');
    await control('start');
    const writer = track(await open(community, 'ben'));
    await writer.put('notes', 'after-restart', { v: 1 });
    await until(() => seen.some((c) => c.id === 'after-restart'), 'a change after the restart arrives');
  });

  it('claims a slot on another person’s post by an operation, and the post stays theirs', async () => {
    const community = unique('c');
    const ana = track(await open(community, 'ana'));
    const ben = track(await open(community, 'ben'));
    const post = createPost(
      'maple',
      { kind: 'offer', title: 'Soup', category: 'meals', slots: 2, privateDetails: 'Flat 2' },
      { id: 'ana', name: 'ana' },
      new Date(),
    );
    await ana.put('posts', 'soup', post);
    const seen = await ben.get<Post>('posts', 'soup');
    expect(seen?.value.privateDetails).to.equal(undefined);
    const claimed = await ben.operate<Post>('posts', 'soup', { type: 'claim', claimId: 'k1' });
    expect(claimed.author).to.equal('ana');
    expect(claimed.value.claims.map((claim) => claim.personId)).to.deep.equal(['ben']);
    expect(claimed.value.privateDetails).to.equal('Flat 2');
    const refused = await rejection(ben.put('posts', 'soup', claimed.value, { expectedRev: claimed.rev }));
    expect(refused.code).to.equal('forbidden');
    expect((await ana.get<Post>('posts', 'soup'))?.value.claims.length).to.equal(1);
  });

  it('watches the circle’s figures and hears of a new value after the interval', async () => {
    const community = unique('c');
    const eve = track(await open(community, 'eve'));
    const values: { withRoom: number | null }[] = [];
    eve.watchAggregate<{ withRoom: number | null }>(
      'circle',
      { circle: 'street', kinds: 'listening' },
      (value) => {
        if (value) values.push(value);
      },
    );
    await until(() => values.length > 0, 'the first value');
    expect(values[0]!.withRoom).to.equal(null);
    for (const person of ['ana', 'ben', 'cai']) {
      const adapter = track(await open(community, person));
      await adapter.put('check-ins', checkInId('street', person), {
        circle: 'street',
        personId: person,
        personName: person,
        level: 'plenty',
        kinds: ['listening'],
        note: '',
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
        visibility: 'circle',
        updatedAt: new Date().toISOString(),
      });
    }
    await until(() => values.some((value) => value.withRoom === 3), 'the figure of three named people');
  });

  it('raises, follows and answers concerns and hides posts through operate, list and watchAggregate, unchanged', async () => {
    const community = unique('c');
    const ana = track(await open(community, 'ana'));
    const moderator = track(
      new HttpAdapter({
        endpoint: server.url,
        community,
        author: 'mo',
        token: await tokenFor('mo', 'moderator'),
        outbox: unique('outbox'),
        retry: fast,
      }),
    );
    await moderator.ready();
    const heard = changes(moderator, 'concerns');
    // Anonymous: raised and followed with the key the browser keeps; the server answers with the raiser's view.
    const id = randomId();
    const key = newConcernKey();
    const raised = await ana.operate<Concern>('concerns', id, {
      type: 'raise',
      about: 'community',
      kind: 'request-uncomfortable',
      text: 'A request made me uncomfortable.',
      visibility: 'anonymous',
      key,
    });
    expect(raised.author).to.equal('anonymous');
    expect(raised.value.state).to.equal('open');
    expect(await ana.get('concerns', id)).to.equal(undefined);
    expect(await ana.list('concerns')).to.deep.equal([]);
    await until(() => heard.some((change) => change.id === id), 'the moderator hears of it');
    const [queued] = concernQueue(await moderator.list('concerns'), new Date());
    expect(queued!.record.id).to.equal(id);
    await moderator.operate('concerns', id, {
      type: 'answer',
      text: 'Thank you for saying this.',
      state: 'acknowledged',
    });
    const followed = await ana.operate<Concern>('concerns', id, { type: 'follow', key });
    expect(followed.value.entries.map((entry) => entry.text)).to.deep.equal([
      'A request made me uncomfortable.',
      'Thank you for saying this.',
    ]);
    expect(JSON.stringify(followed)).not.to.contain('"mo"');
    const wrong = await rejection(ana.operate('concerns', id, { type: 'follow', key: newConcernKey() }));
    expect(wrong.code).to.equal('not-found');
    // Refusals keep the server's code as `rule`.
    const notTheirs = await rejection(moderator.operate('concerns', id, { type: 'reopen' }));
    expect([notTheirs.code, notTheirs.rule]).to.deep.equal(['forbidden', 'raiser-only']);
    await ana.operate('concerns', id, { type: 'add', text: 'It happened again.', key });
    const early = await rejection(moderator.operate('concerns', id, { type: 'set-state', state: 'closed' }));
    expect([early.code, early.rule]).to.deep.equal(['conflict', 'answer-first']);
    // Hiding: the author keeps the post with the reason; the board's figure counts it.
    const post = createPost(
      'maple',
      { kind: 'offer', title: 'Soup', category: 'meals', slots: 1 },
      { id: 'ana', name: 'ana' },
      new Date(),
    );
    await ana.put('posts', 'soup', post);
    const figures: { hiddenPosts: number }[] = [];
    ana.watchAggregate<{ hiddenPosts: number }>('moderation', { board: 'maple' }, (value) => {
      if (value) figures.push(value);
    });
    await until(() => figures.length > 0, 'the first figure');
    expect(figures[0]!.hiddenPosts).to.equal(0);
    const refused = await rejection(ana.operate('posts', 'soup', { type: 'hide', reason: 'mine' }));
    expect([refused.code, refused.rule]).to.deep.equal(['forbidden', 'moderators-only']);
    await moderator.operate('posts', 'soup', { type: 'hide', reason: 'Please keep requests kind.' });
    expect((await ana.get<Post>('posts', 'soup'))?.value.hidden?.reason).to.equal(
      'Please keep requests kind.',
    );
    await until(() => figures.some((value) => value.hiddenPosts === 1), 'the figure after the interval');
  });

  it('is what <tend-provider storage="http"> gives its elements', async () => {
    const token = await tokenFor('ana');
    const provider = await fixture<TendProvider>(
      html`<tend-provider
        storage="http"
        endpoint=${server.url}
        community=${unique('c')}
        user-id="ana"
        token=${token}
      ></tend-provider>`,
    );
    const adapter = (provider as unknown as { providedAdapter: StorageAdapter }).providedAdapter;
    // The HttpAdapter itself arrives on demand (src/provider/deferred-http.ts); what it can do is known at once.
    expect(adapter.status).to.include({ location: 'server', shared: true });
    expect(adapter.author).to.equal('ana');
    expect((await adapter.put('notes', 'p', { v: 1 })).author).to.equal('ana');
  });
});
