// Three pretend neighbours for the community page, so claiming, thanks and the circle can be
// tried by one person in one browser. Each neighbour writes through a browser-storage adapter of
// their own (the same store the page's provider reads), with the board's own rules: nothing here
// reaches into an element. Everything stays in this browser.
import {
  acceptClaim,
  claimSlot,
  createPost,
  isExpired,
  isPost,
  POSTS_COLLECTION,
  postState,
  timeOf,
  type Person,
  type Post,
  type PostInput,
} from '../src/domain/offers.js';
import { randomId } from '../src/domain/record-ids.js';
import { addDays, datePassed, todayKey } from '../src/domain/rotations.js';
import { BrowserAdapter, type StorageAdapter, type StoredRecord } from '../src/storage/index.js';

const COMMUNITY = 'maple-street';
const BOARD = 'maple-street';
const DAY = 86_400_000;

interface Neighbour extends Person {
  name: string;
}

const ROSA: Neighbour = {
  id: 'demo-neighbour-rosa',
  name: 'Rosa',
};
const TOMAS: Neighbour = {
  id: 'demo-neighbour-tomas',
  name: 'Tomás',
};
const WEN: Neighbour = {
  id: 'demo-neighbour-wen',
  name: 'Wen',
};
const NEIGHBOURS = [ROSA, TOMAS, WEN];

/** One adapter per neighbour: records they write are theirs, as on a shared server. */
const adapters = new Map<string, StorageAdapter>(
  NEIGHBOURS.map((neighbour) => [
    neighbour.id,
    new BrowserAdapter({ community: COMMUNITY, author: neighbour.id }),
  ]),
);
const as = (neighbour: Neighbour): StorageAdapter => adapters.get(neighbour.id)!;

/** An hour on a day from today, as an ISO time. */
function at(now: Date, days: number, hour: number): string {
  const day = new Date(now.getTime() + days * DAY);
  day.setHours(hour, 0, 0, 0);
  return day.toISOString();
}

/** The neighbours' posts: what each offers or needs, made afresh once the old one has passed. */
function seedPosts(now: Date): { id: string; author: Neighbour; input: PostInput; helpers?: Neighbour[] }[] {
  const today = todayKey(now);
  return [
    {
      id: 'demo-rosa-soup',
      author: ROSA,
      input: {
        kind: 'offer',
        title: 'A pot of lentil soup',
        details: 'I make too much every week. Bring a jar, or I can leave a portion at your door.',
        category: 'meals',
        when: { flexible: false, start: at(now, 2, 18) },
        slots: 3,
      },
    },
    {
      id: 'demo-tomas-rides',
      author: TOMAS,
      input: {
        kind: 'offer',
        title: 'Rides to the clinic',
        details: 'Happy to drive and wait, on the morning below. Tell me the time when you ask.',
        category: 'rides',
        when: { flexible: false, start: at(now, 3, 9), end: at(now, 3, 12) },
        slots: 2,
        terms: { askFirst: true },
      },
    },
    {
      id: 'demo-wen-bookshelf',
      author: WEN,
      input: {
        kind: 'need',
        title: 'Two people to carry a bookshelf upstairs',
        details: 'Third floor, no lift. Twenty minutes at most, and there will be tea.',
        category: 'errands',
        when: { flexible: false, start: at(now, 4, 10) },
        slots: 2,
      },
      helpers: [TOMAS],
    },
    {
      id: 'demo-rosa-meal-train',
      author: ROSA,
      input: {
        kind: 'rotation',
        title: 'Dinners for the Okafors after the baby',
        details: 'One dinner an evening for a week. Leave it on the porch; no need to knock.',
        category: 'meals',
        rotation: {
          recipientName: 'The Okafor family',
          notes: 'Vegetarian, no nuts. Drop-off by 6 pm.',
          dates: Array.from({ length: 7 }, (_, i) => addDays(today, i + 1)),
        },
      },
      helpers: [WEN],
    },
  ];
}

/** A post still ahead: not withdrawn, not expired, and its time (or a day of it) still to come. */
function upcoming(post: Post, now: Date): boolean {
  if (post.status === 'withdrawn' || isExpired(post, now)) return false;
  if (post.rotation) return post.rotation.dates.some((date) => !datePassed(date, now));
  return post.when.flexible || timeOf(post.when.start) > now.getTime();
}

async function seedBoard(now: Date): Promise<void> {
  for (const seed of seedPosts(now)) {
    const adapter = as(seed.author);
    const held = await adapter.get<Post>(POSTS_COLLECTION, seed.id);
    if (held && isPost(held.value) && upcoming(held.value, now)) continue;
    let post = createPost(BOARD, seed.input, seed.author, now);
    for (const helper of seed.helpers ?? []) post = claimSlot(post, helper, { claimId: randomId(), now });
    await adapter.put(POSTS_COLLECTION, seed.id, post, { expectedRev: held?.rev ?? null });
  }
}

/**
 * What the neighbours do when asked to answer: say yes to the reader's requests on their own
 * offers, and sign up for the reader's open posts. Returns one sentence per thing done.
 */
async function neighboursAnswer(reader: Person, now: Date): Promise<string[]> {
  const done: string[] = [];
  const posts = await as(ROSA).list<Post>(POSTS_COLLECTION);
  for (const record of posts) {
    if (!isPost(record.value)) continue;
    const post = record.value;
    const author = NEIGHBOURS.find((neighbour) => neighbour.id === post.authorId);
    if (author) {
      const requests = post.claims.filter((c) => c.status === 'requested' && c.personId === reader.id);
      if (!requests.length) continue;
      const next = requests.reduce((value, claim) => acceptClaim(value, claim.id), post);
      await write(author, record, next);
      done.push(`${author.name} said yes to your request for “${post.title}”.`);
    } else if (post.authorId === reader.id && post.kind !== 'rotation' && postState(post, now) === 'open') {
      const helper = NEIGHBOURS.find((neighbour) => !post.claims.some((c) => c.personId === neighbour.id));
      if (!helper) continue;
      await write(helper, record, claimSlot(post, helper, { claimId: randomId(), now }));
      done.push(`${helper.name} signed up for “${post.title}”.`);
    }
  }
  return done;
}

function write(neighbour: Neighbour, record: StoredRecord<Post>, next: Post): Promise<unknown> {
  return as(neighbour).put(POSTS_COLLECTION, record.id, next, { expectedRev: record.rev });
}

const provider = document.querySelector<HTMLElement>('tend-provider')!;
const reader: Person = { id: provider.getAttribute('user-id')! };
const button = document.querySelector<HTMLButtonElement>('#neighbours-answer')!;
const answer = document.querySelector<HTMLElement>('#neighbours-said')!;

button.addEventListener('click', async () => {
  button.disabled = true;
  try {
    const done = await neighboursAnswer(reader, new Date());
    answer.textContent = done.length
      ? done.join(' ')
      : 'Nothing is waiting for the neighbours yet: ask Tomás for a ride, or post an offer or a need of your own.';
  } catch (error) {
    answer.textContent = `The neighbours could not answer: ${(error as Error).message}`;
  } finally {
    button.disabled = false;
  }
});

const now = new Date();
seedBoard(now).catch((error: unknown) => console.error('The demo could not write its neighbours:', error));
