import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/provider/index.js';
import '../src/elements/capacity-check-in/index.js';
import {
  checkInId,
  dayKey,
  historyId,
  startOfDay,
  type CapacityLevel,
  type CheckIn,
} from '../src/domain/capacity.js';
import { MemoryAdapter, MemoryStore, type AdapterStatus } from '../src/storage/index.js';

/** Stories run on a fixed clock, so every state looks the same each time: Tue 3 Nov 2026, 18:30. */
const NOW = new Date(2026, 10, 3, 18, 30);
const TONIGHT = startOfDay(NOW, 1).toISOString();
const CIRCLE = 'maple-street';

/** Memory storage that says it is shared, as a community's tend-server would. */
class SharedMemoryAdapter extends MemoryAdapter {
  override get status(): AdapterStatus {
    return { ...super.status, shared: true };
  }
}

const person = (
  personId: string,
  personName: string,
  level: CapacityLevel,
  more: Partial<CheckIn> = {},
): CheckIn => ({
  circle: CIRCLE,
  personId,
  personName,
  level,
  kinds: ['listening'],
  note: '',
  expiresAt: TONIGHT,
  visibility: 'circle',
  updatedAt: NOW.toISOString(),
  ...more,
});

/** Each person writes their own check-in through their own adapter on one store. */
async function checkIn(store: MemoryStore, value: CheckIn): Promise<void> {
  const adapter = new MemoryAdapter({ store, community: 'storybook', author: value.personId });
  await adapter.put('check-ins', checkInId(value.circle, value.personId), value);
}

/** My own days, `levels[i]` for `i` days ago, today first (null: no check-in that day). */
async function myDays(store: MemoryStore, levels: (CapacityLevel | null)[]): Promise<void> {
  const me = new MemoryAdapter({ store, community: 'storybook', author: 'me' });
  for (const [i, level] of levels.entries()) {
    if (!level) continue;
    const date = dayKey(startOfDay(NOW, -i));
    await me.put('check-in-history', historyId('me', date), { personId: 'me', circle: CIRCLE, date, level });
  }
}

const mine = (more: Partial<CheckIn> = {}): CheckIn =>
  person('me', 'Mo', 'some', {
    kinds: ['listening', 'practical'],
    note: 'can listen tonight, can’t host',
    ...more,
  });

const scenarios = {
  /** A reader's first visit on browser-only storage. */
  'no check-in': { shared: false, seed: async (_store: MemoryStore) => {} },
  /** On browser-only storage, with my check-in and a few days behind it. */
  'mine only': {
    shared: false,
    seed: async (store: MemoryStore) => {
      await checkIn(store, mine({ visibility: 'just-me' }));
      await myDays(store, ['some', 'plenty', 'some', null, 'a-little', 'some', null, null, 'plenty']);
    },
  },
  /** A shared circle where many people have checked in, three counted-only, some ended. */
  'busy circle': {
    shared: true,
    seed: async (store: MemoryStore) => {
      await checkIn(store, mine({ level: 'a-little', kinds: ['listening'] }));
      await checkIn(
        store,
        person('ana', 'Ana', 'plenty', {
          kinds: ['listening', 'practical', 'hosting'],
          note: 'home all evening',
        }),
      );
      await checkIn(store, person('ben', 'Ben', 'some', { kinds: ['listening', 'practical'] }));
      await checkIn(store, person('cyd', 'Cyd', 'a-little', { note: 'a short call is fine' }));
      await checkIn(store, person('dev', 'Dev', 'resting', { note: 'resting tonight' }));
      await checkIn(
        store,
        person('eli', 'Eli', 'some', { visibility: 'counted', kinds: ['listening', 'hosting'] }),
      );
      await checkIn(
        store,
        person('fen', 'Fen', 'plenty', { visibility: 'counted', kinds: ['listening', 'practical'] }),
      );
      // Three counted-only people: enough to be counted as a group, never one by one.
      await checkIn(store, person('ivy', 'Ivy', 'some', { visibility: 'counted', kinds: ['listening'] }));
      await checkIn(store, person('gia', 'Gia', 'plenty', { visibility: 'just-me' }));
      await checkIn(store, person('hal', 'Hal', 'plenty', { expiresAt: startOfDay(NOW).toISOString() }));
      // Asks are the asker's alone: this one is the viewer's own, from yesterday.
      const asker = new MemoryAdapter({ store, community: 'storybook', author: 'me' });
      const at = new Date(NOW.getTime() - 86_400_000).toISOString();
      await asker.put('asks', 'ask-1', {
        circle: CIRCLE,
        askerId: 'me',
        askedId: 'ana',
        kind: 'listening',
        at,
      });
      await myDays(store, [
        'a-little',
        'resting',
        'a-little',
        'resting',
        'some',
        'a-little',
        'resting',
        'plenty',
        'plenty',
        null,
        'some',
      ]);
    },
  },
  /** No circle: a check-in just for me, and my pattern. */
  'no circle': {
    shared: false,
    seed: async (store: MemoryStore) => {
      await checkIn(
        store,
        mine({ circle: '', visibility: 'just-me', level: 'resting', kinds: [], note: 'an early night' }),
      );
      await myDays(store, ['resting', 'a-little', 'some', null, 'some', 'plenty']);
    },
  },
  /** A shared circle where nobody has checked in yet. */
  'empty circle': { shared: true, seed: async (_store: MemoryStore) => {} },
  /** My check-in and a neighbour's have ended: they no longer count. */
  expired: {
    shared: true,
    seed: async (store: MemoryStore) => {
      const ended = startOfDay(NOW).toISOString();
      await checkIn(store, mine({ expiresAt: ended }));
      await checkIn(store, person('ana', 'Ana', 'plenty', { expiresAt: ended }));
      await myDays(store, [null, 'some']);
    },
  },
};

type Scenario = keyof typeof scenarios;

interface CheckInArgs {
  scenario: Scenario;
  circle: string;
  kinds: string;
  minGroup: number;
  /** Who sees a new check-in until the person chooses (`just-me` when unset). */
  defaultVisibility?: 'just-me' | 'counted' | 'circle';
  theme?: 'light' | 'dark';
  /** Unset: the Storybook toolbar's language. */
  lang?: string;
  width?: string;
  /** The site's own words in the `local-only` slot. */
  localOnly?: string;
}

/** Waits for the element's control `selector` (seeding is asynchronous), then clicks it, as a person would. */
async function press(canvas: HTMLElement, selector: string): Promise<void> {
  const el = canvas.querySelector('tend-capacity-check-in')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector(selector); i++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  el.shadowRoot?.querySelector<HTMLElement>(selector)?.click();
}

/**
 * `<tend-capacity-check-in>`: say how much room you have, for what and until when; see who in
 * the circle has room; ask so that asks spread out; notice your own last 14 days. Every story
 * runs on memory storage seeded with a few neighbours, and on a fixed clock (the `now` property).
 */
const meta: Meta<CheckInArgs> = {
  title: 'Elements/tend-capacity-check-in',
  component: 'tend-capacity-check-in',
  args: {
    scenario: 'no check-in',
    circle: CIRCLE,
    kinds: 'listening,practical,hosting',
    minGroup: 3,
  },
  argTypes: {
    scenario: { control: 'select', options: Object.keys(scenarios) },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    lang: { control: 'inline-radio', options: ['en', 'es'] },
    minGroup: { control: { type: 'number', min: 3 } },
    defaultVisibility: { control: 'inline-radio', options: ['just-me', 'counted', 'circle'] },
  },
  render: ({
    scenario,
    circle,
    kinds,
    minGroup,
    defaultVisibility,
    theme,
    lang,
    width,
    localOnly,
  }): TemplateResult => {
    const { shared, seed } = scenarios[scenario];
    const store = new MemoryStore();
    const Adapter = shared ? SharedMemoryAdapter : MemoryAdapter;
    const adapter = new Adapter({ store, community: 'storybook', author: 'me' });
    void seed(store);
    return html`<div style="max-inline-size: ${width ?? 'none'}">
      <tend-provider .adapter=${adapter} user-id="me" user-name="Mo" lang=${ifDefined(lang || undefined)}>
        <tend-capacity-check-in
          circle=${circle}
          kinds=${kinds}
          min-group=${minGroup}
          default-visibility=${ifDefined(defaultVisibility)}
          theme=${ifDefined(theme)}
          .now=${() => NOW}
          >${localOnly ? html`<p slot="local-only">${localOnly}</p>` : ''}</tend-capacity-check-in
        >
      </tend-provider>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<CheckInArgs>;

/** A first visit on storage only this browser sees: the form, and one sentence on what a shared site adds (no circle, no asks, no choice of who sees it). */
export const NoCheckIn: Story = {};

/** Settled, on storage only this browser sees: my check-in as one line with Change, and a few days of pattern. */
export const MineOnly: Story = { args: { scenario: 'mine only' } };

/** A site's own words in the `local-only` slot, on storage only this browser sees. */
export const LocalOnlyWords: Story = {
  args: {
    scenario: 'mine only',
    localOnly: 'Join the Maple Street site to see who has room tonight.',
  },
};

/** A busy shared circle: my check-in as one line; named people, counted-only people (never named), a just-me and an ended check-in (never shown), and an ask. */
export const BusyCircle: Story = { args: { scenario: 'busy circle' } };

/** Changing my check-in in the busy circle: the form with what is saved, Save, Cancel and Clear. */
export const Changing: Story = {
  args: { scenario: 'busy circle' },
  play: ({ canvasElement }) => press(canvasElement, '[part="change-button"]'),
};

/** Saving without saying how much room: the question is marked and says what to do. */
export const Unanswered: Story = {
  args: { scenario: 'empty circle' },
  play: ({ canvasElement }) => press(canvasElement, '[part="save-button"]'),
};

/** A shared circle nobody has checked in to yet. */
export const EmptyCircle: Story = { args: { scenario: 'empty circle' } };

/** Ended check-ins stop counting by themselves. */
export const Expired: Story = { args: { scenario: 'expired' } };

/** The busy circle in the dark theme. */
export const Dark: Story = {
  args: { scenario: 'busy circle', theme: 'dark' },
  decorators: [(story) => html`<div style="background: #111512; padding: 1rem">${story()}</div>`],
};

/** The busy circle in a narrow column (a phone). */
export const Narrow: Story = { args: { scenario: 'busy circle', width: '360px' } };

/** Changing my check-in in a narrow column. */
export const NarrowChanging: Story = { ...Changing, args: { scenario: 'busy circle', width: '360px' } };

/** The busy circle in Spanish. */
export const Spanish: Story = { args: { scenario: 'busy circle', lang: 'es' } };

/** Without a `circle`: a private check-in and pattern only. */
export const NoCircle: Story = { args: { scenario: 'no circle', circle: '' } };

/** With a site's own kinds of support. */
export const CustomKinds: Story = { args: { scenario: 'busy circle', kinds: 'listening,meals,rides' } };

/** A site that asks for "my circle" by default (`default-visibility="circle"`); the person can still choose. */
export const SiteDefaultCircle: Story = { args: { scenario: 'empty circle', defaultVisibility: 'circle' } };
