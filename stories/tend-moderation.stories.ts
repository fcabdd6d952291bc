import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { until } from 'lit/directives/until.js';
import '../src/provider/index.js';
import '../src/elements/moderation/index.js';
import type { ConcernOperation } from '../src/domain/concerns.js';
import { createPost, type PostInput } from '../src/domain/offers.js';
import { MemoryAdapter, StorageError, type StorageAdapter } from '../src/storage/index.js';
import { FakeCommunity, tokenOf, type FakePerson } from './community-server-fake.js';

/** Stories run on a fixed clock, so every state looks the same each time: Mon 2 Mar 2026, 10:00 UTC. */
const NOW = new Date('2026-03-02T10:00:00Z');
const HOUR = 3_600_000;
const ROSA: FakePerson = { id: 'rosa', name: 'Rosa' };
const TOMAS: FakePerson = { id: 'tomas', name: 'Tomás' };
const WEN: FakePerson = { id: 'wen', name: 'Wen' };
const MIRA: FakePerson = { id: 'mira', name: 'Mira', moderator: true };
const JO: FakePerson = { id: 'jo', name: 'Jo', moderator: true };

const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * HOUR);

async function step(
  community: FakeCommunity,
  hoursAgo: number,
  person: FakePerson,
  id: string,
  op: ConcernOperation | { type: 'hide'; reason: string } | { type: 'hide-reply'; text: string },
  collection = 'concerns',
): Promise<void> {
  community.clock = at(hoursAgo);
  await community.as(person).operate(collection, id, op);
}

async function post(
  community: FakeCommunity,
  id: string,
  author: FakePerson,
  input: Partial<PostInput> & { title: string },
  hoursAgo = 120,
): Promise<void> {
  const value = createPost(
    'maple-street',
    { kind: 'need', category: 'meals', ...input },
    author,
    at(hoursAgo),
  );
  await community.write('posts', id, value, author.id);
}

/** A community with concerns waiting, one answered, one closed, and a hidden post with its thread. */
async function busy(community: FakeCommunity): Promise<void> {
  await post(community, 'okafors', TOMAS, {
    kind: 'rotation',
    title: 'Meals for the Okafors',
    rotation: { recipientName: 'The Okafors', dates: ['2026-03-03', '2026-03-04', '2026-03-05'] },
  });
  await post(community, 'clinic', WEN, {
    title: 'Lifts to the clinic',
    details: 'Mrs Reyes needs lifts for her chemo on Tuesdays.',
  });
  await step(community, 80, ROSA, 'late-lifts', {
    type: 'raise',
    about: 'community',
    kind: 'request-uncomfortable',
    text: 'Someone asked me to drive late at night after I said I don’t.',
    visibility: 'moderators',
  });
  await step(community, 76, JO, 'late-lifts', {
    type: 'answer',
    text: 'We spoke with them. Late lifts are now asked only of people who offer them.',
    state: 'acted-on',
  });
  await step(community, 75, JO, 'late-lifts', { type: 'set-state', state: 'closed' });
  await step(community, 74, ROSA, 'okafors-too-much', {
    type: 'raise',
    about: 'rotation',
    postId: 'okafors',
    kind: 'rotation-too-much',
    text: 'Three dinners a week is more than the family can take in. They are too polite to say.',
    visibility: 'anonymous',
    key: 'b2'.repeat(32),
  });
  await step(community, 30, WEN, 'hosting', {
    type: 'raise',
    about: 'community',
    kind: 'asked-too-often',
    text: 'I get asked to host every week. I can’t keep saying yes.',
    visibility: 'moderators',
  });
  await step(community, 28, JO, 'hosting', {
    type: 'answer',
    text: 'Thank you for saying so. We’ll ask the board to spread hosting.',
    state: 'acknowledged',
  });
  await step(community, 5, TOMAS, 'words', {
    type: 'raise',
    about: 'community',
    kind: 'other',
    text: 'The board’s weekly reminder feels like pressure when I have nothing to give.',
    visibility: 'moderators',
  });
  await step(
    community,
    20,
    JO,
    'clinic',
    { type: 'hide', reason: 'It names a neighbour’s illness; could you post it without that?' },
    'posts',
  );
  await step(community, 18, WEN, 'clinic', { type: 'hide-reply', text: 'Fair. I’ll reword it.' }, 'posts');
  community.clock = NOW;
}

const scenarios = {
  /** A moderator, nothing waiting: a kind empty state. */
  'queue empty': async (community: FakeCommunity) => {
    community.clock = NOW;
  },
  /** A moderator with concerns waiting, one answered, one closed, and a hidden post. */
  busy,
};

type Scenario = keyof typeof scenarios | 'not a moderator' | 'not accepted' | 'browser only';

interface ModerationArgs {
  scenario: Scenario;
  theme?: 'light' | 'dark';
  /** Unset: the Storybook toolbar's language. */
  lang?: string;
}

async function seeded(scenario: Scenario): Promise<{ adapter: StorageAdapter; person: FakePerson }> {
  if (scenario === 'browser only')
    return { adapter: new MemoryAdapter({ community: 'storybook', author: MIRA.id }), person: MIRA };
  const community = new FakeCommunity('storybook', NOW);
  if (scenario === 'not a moderator') {
    await busy(community);
    return { adapter: community.as(ROSA), person: ROSA };
  }
  if (scenario === 'not accepted') {
    await busy(community);
    // Rosa's page holds a token that says "moderator"; the server does not accept it (as for a
    // token the site did not sign), so it refuses every read.
    const adapter = community.as(ROSA);
    adapter.list = () => Promise.reject(new StorageError('unauthorized', 'the token is not accepted'));
    return { adapter, person: { ...ROSA, moderator: true } };
  }
  await scenarios[scenario](community);
  return { adapter: community.as(MIRA), person: MIRA };
}

/**
 * `<tend-moderation>`: the moderators' view. Concerns waiting longest first, each with how long
 * it has waited, its thread, an answer and its states; hidden posts with their thread; the audit
 * log. The stories run on a community server faked in memory (stories/community-server-fake.ts:
 * the same rules as tend-server), on a fixed clock. You are Mira; Jo moderates too.
 */
const meta: Meta<ModerationArgs> = {
  title: 'Elements/tend-moderation',
  component: 'tend-moderation',
  args: { scenario: 'busy' },
  argTypes: {
    scenario: {
      control: 'select',
      options: [...Object.keys(scenarios), 'not a moderator', 'not accepted', 'browser only'],
    },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    lang: { control: 'inline-radio', options: ['en', 'es'] },
  },
  render: ({ scenario, theme, lang }): TemplateResult =>
    html`<div style="max-inline-size: 60rem">
      ${until(
        seeded(scenario).then(
          ({ adapter, person }) =>
            html`<tend-provider
              .adapter=${adapter}
              user-id=${person.id}
              user-name=${person.name}
              token=${tokenOf(person)}
              lang=${ifDefined(lang || undefined)}
            >
              <tend-moderation theme=${ifDefined(theme)} .now=${NOW}></tend-moderation>
            </tend-provider>`,
        ),
      )}
    </div>`,
};
export default meta;

type Story = StoryObj<ModerationArgs>;

/** The story's element once its concerns are drawn. */
async function moderationIn(canvas: HTMLElement): Promise<ShadowRoot> {
  for (let tries = 0; tries < 100; tries++) {
    const root = canvas.querySelector('tend-moderation')?.shadowRoot;
    if (root?.querySelector('[part="queue"]')) return root;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the queue never showed');
}

function press(root: ParentNode, name: string): void {
  const found = [...root.querySelectorAll<HTMLElement>('button')].find((el) =>
    (el.textContent ?? '').trim().startsWith(name),
  );
  if (!found) throw new Error(`no “${name}” to press`);
  found.click();
}

/** Nothing waiting: a kind empty state, the hidden posts and the log still at hand. */
export const QueueEmpty: Story = { args: { scenario: 'queue empty' } };

/** Concerns waiting, the longest first with how long; one answered and acknowledged; a hidden post and its thread. */
export const Waiting: Story = { args: { scenario: 'busy' } };

/** Answering the concern that has waited longest, marking it acknowledged at the same time. */
export const Answering: Story = {
  args: { scenario: 'busy' },
  play: async ({ canvasElement }) => {
    const root = await moderationIn(canvasElement);
    const card = root.querySelector('[part="concern"]')!;
    press(card, 'Answer');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const answer = card.querySelector<HTMLTextAreaElement>('textarea')!;
    answer.value = 'Thank you for telling us. We’ll move the rotation to two evenings a week.';
    answer.dispatchEvent(new Event('input'));
    const state = card.querySelector<HTMLSelectElement>('select')!;
    state.value = 'acknowledged';
    state.dispatchEvent(new Event('change'));
    answer.focus();
  },
};

/** The audit log open: who did what, when; the anonymous raiser never named. */
export const Log: Story = {
  args: { scenario: 'busy' },
  play: async ({ canvasElement }) => {
    const root = await moderationIn(canvasElement);
    press(root, 'Show the log');
  },
};

/** The closed concerns, opened. */
export const Closed: Story = {
  args: { scenario: 'busy' },
  play: async ({ canvasElement }) => {
    const root = await moderationIn(canvasElement);
    press(root, 'Closed (1)');
  },
};

/** Someone who does not moderate: one plain sentence; nothing is read for them. */
export const NotAModerator: Story = { args: { scenario: 'not a moderator' } };

/** Browser-only storage: moderation needs the community's server. */
/** The page's token says "moderator" but the server refuses it: one plain sentence, no view. */
export const NotAccepted: Story = { args: { scenario: 'not accepted' } };

export const BrowserOnly: Story = { args: { scenario: 'browser only' } };

/** Concerns waiting, in Spanish. */
export const Spanish: Story = { args: { scenario: 'busy', lang: 'es' } };
