import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/provider/index.js';
import '../src/elements/offer-board/index.js';
import {
  acceptClaim,
  claimSlot,
  createPost,
  markDone,
  pauseRotation,
  withdrawPost,
  type Person,
  type Post,
  type PostInput,
} from '../src/domain/offers.js';
import { MemoryAdapter, MemoryStore, type AdapterStatus } from '../src/storage/index.js';

/** Stories run on a fixed clock, so every state looks the same each time: Mon 2 Mar 2026, 10:00 UTC. */
const NOW = new Date('2026-03-02T10:00:00Z');
const DAY = 86_400_000;
const BOARD = 'maple-street';
const ME: Person = { id: 'me', name: 'Mo' };
const ANA: Person = { id: 'ana', name: 'Ana' };
const BEN: Person = { id: 'ben', name: 'Ben' };
const CYD: Person = { id: 'cyd', name: 'Cyd' };
const DEV: Person = { id: 'dev', name: 'Dev' };
const EMI: Person = { id: 'emi', name: 'Emi' };
const FAY: Person = { id: 'fay', name: 'Fay' };

/** Memory storage that says it is shared, as a community's tend-server would. */
class SharedMemoryAdapter extends MemoryAdapter {
  override get status(): AdapterStatus {
    return { ...super.status, shared: true };
  }
}

const at = (days: number, hour = 10) =>
  new Date(NOW.getTime() + days * DAY + (hour - 10) * 3_600_000).toISOString();
const day = (days: number) => at(days).slice(0, 10);
let claimCount = 0;
const claim = (post: Post, who: Person, slot?: number | string) =>
  claimSlot(post, who, { claimId: `c${++claimCount}`, slot, now: NOW });
const lastClaimId = (post: Post) => post.claims[post.claims.length - 1]!.id;

/** Each person posts through their own adapter on one store, as on a shared board. */
async function post(
  store: MemoryStore,
  id: string,
  author: Person,
  input: Partial<PostInput> & { title: string },
  change: (post: Post) => Post = (p) => p,
  createdDaysAgo = 0,
): Promise<void> {
  const value = change(
    createPost(
      BOARD,
      { kind: 'offer', category: 'meals', ...input },
      author,
      new Date(NOW.getTime() - createdDaysAgo * DAY),
    ),
  );
  await new MemoryAdapter({ store, community: 'storybook', author: author.id }).put('posts', id, value);
}

const soup = (store: MemoryStore, change?: (post: Post) => Post) =>
  post(
    store,
    'soup',
    ANA,
    {
      title: 'Soup for two, Tuesdays',
      details: 'Lentil or squash, vegan. I can leave it at your door.',
      slots: 3,
      when: { flexible: false, start: at(1, 17), end: at(1, 19) },
      terms: { askFirst: true, quietHours: 'no calls after 8 pm' },
      privateDetails: 'Text me on 0161 555 0101 when you’re home.',
    },
    change,
  );

const rotation = (store: MemoryStore, change: (post: Post) => Post = (p) => p) =>
  post(
    store,
    'okafor',
    ANA,
    {
      kind: 'rotation',
      title: 'Meals for the Okafors and baby Ada',
      privateDetails: '14 Maple St, side door. Cool box on the step.',
      rotation: {
        recipientName: 'The Okafors',
        notes: 'No nuts, please. Drop-off 5–6 pm. No visits for now.',
        dates: [day(0), day(2), day(4), day(7), day(9), day(11)],
      },
    },
    (p) => change(claim(claim(p, BEN, day(0)), ME, day(4))),
  );

const scenarios = {
  /** A new board: nothing posted yet. */
  empty: { shared: true, seed: async (_store: MemoryStore) => {} },
  /** A lively board: offers, needs, a rotation, help spread across a few people, a need waiting. */
  busy: {
    shared: true,
    seed: async (store: MemoryStore) => {
      await soup(store, (p) => {
        const asked = claim(p, BEN);
        return acceptClaim(asked, lastClaimId(asked));
      });
      await rotation(store);
      await post(
        store,
        'clinic',
        BEN,
        {
          kind: 'need',
          title: 'A ride to the clinic on Thursday',
          details: 'Appointment at 10, back by noon.',
          category: 'rides',
          place: 'Maple St → Northside Clinic',
          when: { flexible: false, start: at(3, 9), end: at(3, 12) },
        },
        undefined,
        4,
      );
      await post(store, 'listen', ME, {
        title: 'I can listen for an hour',
        details: 'Evenings, by phone or on a walk.',
        category: 'listening',
        slots: 2,
        terms: { oncePerWeek: true },
      });
      await post(
        store,
        'forms',
        CYD,
        { kind: 'need', title: 'Help with a housing form', category: 'errands' },
        (p) => claim(p, DEV),
      );
      await post(store, 'kids', EMI, {
        title: 'Childcare on Saturday mornings',
        details: 'Two kids at most, under ten.',
        category: 'childcare',
        slots: 2,
      });
    },
  },
  /** An "ask me first" offer with a request waiting: not full, waiting for a yes. Mine has one too. */
  'pending request': {
    shared: true,
    seed: async (store: MemoryStore) => {
      await post(
        store,
        'room',
        ANA,
        { title: 'A spare room for a night or two', category: 'stay', terms: { askFirst: true } },
        (p) => claim(p, BEN),
      );
      await post(
        store,
        'lifts',
        ME,
        { title: 'Lifts to the station', category: 'rides', slots: 2, terms: { askFirst: true } },
        (p) => claim(p, CYD),
      );
    },
  },
  /** A meal train across a month's end, shown as a calendar. */
  'rotation across months': {
    shared: true,
    seed: (store: MemoryStore) =>
      post(
        store,
        'okafor',
        ANA,
        {
          kind: 'rotation',
          title: 'Meals for the Okafors and baby Ada',
          rotation: {
            recipientName: 'The Okafors',
            notes: 'No nuts, please. Drop-off 5–6 pm.',
            dates: [day(25), day(27), day(29), day(32), day(34), day(36)],
          },
        },
        (p) => claim(claim(p, BEN, day(25)), ME, day(29)),
      ),
  },
  /** Every slot of an offer is taken. */
  full: {
    shared: true,
    seed: async (store: MemoryStore) => {
      await post(store, 'bread', ANA, { title: 'Fresh bread on Fridays', slots: 2 }, (p) =>
        claim(claim(p, BEN), CYD),
      );
    },
  },
  /** I had claimed a post that its author withdrew: I see it was withdrawn, without blame. */
  withdrawn: {
    shared: true,
    seed: async (store: MemoryStore) => {
      await post(store, 'van', ANA, { title: 'A van for a move on Sunday', category: 'errands' }, (p) =>
        withdrawPost(claim(p, ME), NOW),
      );
    },
  },
  /** A meal train: dates filled and open, mine among them. */
  rotation: { shared: true, seed: (store: MemoryStore) => rotation(store) },
  /** The family said "that's enough for now": open dates pause, my date stands. */
  'rotation paused': {
    shared: true,
    seed: (store: MemoryStore) => rotation(store, (p) => pauseRotation(p, ANA, NOW)),
  },
  /** I carry more than the board suggests this week: the board says so gently, and asks before one more. */
  'overloaded person': {
    shared: true,
    seed: async (store: MemoryStore) => {
      for (const [id, title] of [
        ['n1', 'Walk Ana’s dog'],
        ['n2', 'Pick up a prescription'],
        ['n3', 'Fix a leaking tap'],
        ['n4', 'Drive to the station'],
      ])
        await post(store, id!, CYD, { kind: 'need', title: title!, category: 'errands' }, (p) =>
          claim(p, ME),
        );
      await post(store, 'n5', DEV, { kind: 'need', title: 'Carry boxes upstairs', category: 'errands' });
      await post(store, 'done', ME, { title: 'Bike repairs', slots: 2 }, (p) => {
        const claimed = claim(p, EMI);
        return markDone(claimed, lastClaimId(claimed));
      });
    },
  },
  /** Most of this week's help came from two people: the board says so without naming anyone. */
  'help from a few': {
    shared: true,
    seed: async (store: MemoryStore) => {
      await post(store, 'bread', ANA, { title: 'Fresh bread on Fridays', slots: 5 }, (p) =>
        [BEN, CYD, DEV, EMI, ME].reduce((next, who) => claim(next, who), p),
      );
      await post(store, 'lifts', CYD, { title: 'Lifts to the market', category: 'rides', slots: 4 }, (p) =>
        [BEN, DEV, EMI, ANA].reduce((next, who) => claim(next, who), p),
      );
      for (const who of [BEN, DEV, EMI, ME, FAY])
        await post(
          store,
          `errand-${who.id}`,
          ANA,
          { kind: 'need', title: `An errand picked up by ${who.name!}`, category: 'errands' },
          (p) => claim(p, who),
        );
    },
  },
};

type Scenario = keyof typeof scenarios;

interface BoardArgs {
  scenario: Scenario;
  categories?: string;
  maxCommitments: number;
  /** How many people must have helped before the board says how help is spread (never below 3). */
  minGroup?: number;
  theme?: 'light' | 'dark';
  /** Unset: the Storybook toolbar's language. */
  lang?: string;
  width?: string;
}

/**
 * `<tend-offer-board>`: offers and needs, claims, rotations (a meal train), and load that stays
 * spread. Every story runs on memory storage seeded by a few neighbours, each writing through
 * their own adapter, on a fixed clock (the `now` property). You are Mo.
 */
const meta: Meta<BoardArgs> = {
  title: 'Elements/tend-offer-board',
  component: 'tend-offer-board',
  args: { scenario: 'busy', maxCommitments: 3 },
  argTypes: {
    scenario: { control: 'select', options: Object.keys(scenarios) },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    lang: { control: 'inline-radio', options: ['en', 'es'] },
    maxCommitments: { control: { type: 'number', min: 1 } },
    minGroup: { control: { type: 'number', min: 3 } },
  },
  render: ({ scenario, categories, maxCommitments, minGroup, theme, lang, width }): TemplateResult => {
    const { shared, seed } = scenarios[scenario];
    const store = new MemoryStore();
    const Adapter = shared ? SharedMemoryAdapter : MemoryAdapter;
    const adapter = new Adapter({ store, community: 'storybook', author: ME.id });
    void seed(store);
    return html`<div style="max-inline-size: ${width ?? 'none'}">
      <tend-provider
        .adapter=${adapter}
        user-id=${ME.id}
        user-name=${ME.name!}
        lang=${ifDefined(lang || undefined)}
      >
        <tend-offer-board
          board=${BOARD}
          categories=${ifDefined(categories)}
          max-commitments=${maxCommitments}
          min-group=${ifDefined(minGroup)}
          theme=${ifDefined(theme)}
          .now=${NOW}
        ></tend-offer-board>
      </tend-provider>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<BoardArgs>;

/** Waits until the story's board shows a control named `name` (a button or a choice), then presses it. */
async function press(canvas: HTMLElement, name: string): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    const root = canvas.querySelector('tend-offer-board')?.shadowRoot;
    const found = [...(root?.querySelectorAll<HTMLElement>('button, label') ?? [])].find((el) =>
      (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().startsWith(name),
    );
    if (found) {
      found.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no “${name}” to press`);
}

/** Waits until the story's board shows `selector` (a dialog's field comes once its module is here). */
async function shown<T extends Element>(canvas: HTMLElement, selector: string): Promise<T> {
  for (let tries = 0; tries < 100; tries++) {
    const found = canvas.querySelector('tend-offer-board')?.shadowRoot?.querySelector<T>(selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no “${selector}” shown`);
}

/** A story that presses these, in order, once the board is there. */
const pressing =
  (...names: string[]) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    for (const name of names) await press(canvasElement, name);
  };

/** Nothing posted yet: a kind empty state and one way to start; no filters, no count. */
export const Empty: Story = { args: { scenario: 'empty' } };

/** A lively board: offers, needs, a rotation, help spread across a few people, a need waiting for days. */
export const Busy: Story = { args: { scenario: 'busy' } };

/** Every slot taken. */
export const Full: Story = { args: { scenario: 'full' } };

/** "Ask me first": a request waiting for Ana's yes is not "full"; on my own offer I can say yes. */
export const PendingRequest: Story = { args: { scenario: 'pending request' } };

/** "Offer or ask": the first step, a choice of offer, need or rotation. */
export const ChooseWhatToPost: Story = { args: { scenario: 'busy' }, play: pressing('Offer or ask') };

/** Posting without a category: the form says so at the field, which is marked. */
export const CategoryRequired: Story = {
  args: { scenario: 'empty' },
  play: async ({ canvasElement }) => {
    await pressing('Offer or ask', 'Ask for something')({ canvasElement });
    const title = await shown<HTMLInputElement>(canvasElement, '[name="title"]');
    title.value = 'A hand moving a sofa on Saturday';
    title.dispatchEvent(new Event('input', { bubbles: true }));
    await press(canvasElement, 'Post');
  },
};

/** A post I had claimed was withdrawn: no blame, nothing to do. */
export const Withdrawn: Story = { args: { scenario: 'withdrawn' } };

/** A meal train: dates filled and open, mine among them; switch to the compact calendar. */
export const Rotation: Story = { args: { scenario: 'rotation' } };

/** The calendar of a meal train that crosses into the next month: each month named, open dates sign up. */
export const RotationCalendar: Story = {
  args: { scenario: 'rotation across months' },
  play: pressing('Calendar'),
};

/** "That's enough for now": open dates paused, signed-up dates stand. */
export const RotationPaused: Story = { args: { scenario: 'rotation paused' } };

/** I carry more than the board suggests: it says so gently, and asks before I take one more. */
export const OverloadedPerson: Story = { args: { scenario: 'overloaded person' } };

/** Most of this week's help came from two of seven people: said without a name or a ranking. */
export const HelpFromAFew: Story = { args: { scenario: 'help from a few' } };

/** The busy board in the dark theme. */
export const Dark: Story = { args: { scenario: 'busy', theme: 'dark' } };

/** The busy board in a narrow column (375 px), as on a phone: posts first, filters behind one button. */
export const Narrow: Story = { args: { scenario: 'busy', width: '375px' } };

/** On a narrow board, the filters opened, one of them on: the button says so, and the count shows. */
export const FiltersOpenNarrow: Story = {
  args: { scenario: 'busy', width: '375px' },
  play: pressing('Filter', 'Needs'),
};

/** The busy board in Spanish. */
export const Spanish: Story = { args: { scenario: 'busy', lang: 'es' } };

/** A board with its own categories; ones without a translation show as written. */
export const OwnCategories: Story = {
  args: { scenario: 'busy', categories: 'meals,rides,errands,garden help,pets,listening,childcare' },
};
