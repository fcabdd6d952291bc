import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { until } from 'lit/directives/until.js';
import '../src/provider/index.js';
import '../src/elements/concern/index.js';
import type { ConcernOperation } from '../src/domain/concerns.js';
import { MemoryAdapter, type StorageAdapter } from '../src/storage/index.js';
import { FakeCommunity, tokenOf, type FakePerson } from './community-server-fake.js';

/** Stories run on a fixed clock, so every state looks the same each time: Mon 2 Mar 2026, 10:00 UTC. */
const NOW = new Date('2026-03-02T10:00:00Z');
const HOUR = 3_600_000;
const ROSA: FakePerson = { id: 'rosa', name: 'Rosa' };
const MIRA: FakePerson = { id: 'mira', name: 'Mira', moderator: true };
/** The rotation the element sits beside. */
const ROTATION = 'meals-for-the-okafors';
/** The key Rosa's browser keeps for her anonymous concern. */
const KEY = 'a1'.repeat(32);

/** Moves the community's clock to `hours` before now, then takes a step as `person`. */
async function step(
  community: FakeCommunity,
  hoursAgo: number,
  person: FakePerson,
  id: string,
  op: ConcernOperation,
): Promise<void> {
  community.clock = new Date(NOW.getTime() - hoursAgo * HOUR);
  await community.as(person).operate('concerns', id, op);
}

interface Seeded {
  adapter: StorageAdapter;
  keys: MemoryAdapter;
}

const scenarios = {
  /** Storage only this browser sees: nobody could answer, so there is no form. */
  'browser only': async (): Promise<Seeded> => {
    const adapter = new MemoryAdapter({ community: 'storybook', author: ROSA.id });
    return { adapter, keys: new MemoryAdapter() };
  },
  /** On the community's server, nothing raised yet: the form, beside a rotation. */
  form: async (): Promise<Seeded> => {
    const community = new FakeCommunity('storybook', NOW);
    return { adapter: community.as(ROSA), keys: new MemoryAdapter() };
  },
  /** Rosa's concerns: a named one a moderator has answered and acknowledged, an anonymous one waiting. */
  following: async (): Promise<Seeded> => {
    const community = new FakeCommunity('storybook', NOW);
    await step(community, 50, ROSA, 'asked', {
      type: 'raise',
      about: 'community',
      kind: 'asked-too-often',
      text: 'I get asked to host every week. I love it, but I can’t keep saying yes.',
      visibility: 'moderators',
    });
    await step(community, 26, MIRA, 'asked', {
      type: 'answer',
      text: 'Thank you for saying so. We’ll ask the board to spread hosting, and nobody will hold a no against you.',
      state: 'acknowledged',
    });
    await step(community, 3, ROSA, 'rotation', {
      type: 'raise',
      about: 'rotation',
      postId: ROTATION,
      kind: 'rotation-too-much',
      text: 'Three dinners a week is more than the family can take in.',
      visibility: 'anonymous',
      key: KEY,
    });
    const keys = new MemoryAdapter({ author: ROSA.id });
    await keys.put('concern-keys', 'rotation', {
      concernId: 'rotation',
      key: KEY,
      personId: ROSA.id,
      raisedAt: new Date(NOW.getTime() - 3 * HOUR).toISOString(),
    });
    return { adapter: community.as(ROSA), keys };
  },
  /** A concern a moderator answered and closed: Rosa may reopen it. */
  closed: async (): Promise<Seeded> => {
    const community = new FakeCommunity('storybook', NOW);
    await step(community, 72, ROSA, 'request', {
      type: 'raise',
      about: 'community',
      kind: 'request-uncomfortable',
      text: 'Someone asked me to drive late at night after I said I don’t.',
      visibility: 'moderators',
    });
    await step(community, 48, MIRA, 'request', {
      type: 'answer',
      text: 'We spoke with them. Late lifts are now asked only of people who offer them.',
      state: 'acted-on',
    });
    await step(community, 24, MIRA, 'request', { type: 'set-state', state: 'closed' });
    return { adapter: community.as(ROSA), keys: new MemoryAdapter() };
  },
};

type Scenario = keyof typeof scenarios;

interface ConcernArgs {
  scenario: Scenario;
  /** Beside a rotation (`post` and `about="rotation"`), or on its own. */
  beside: 'rotation' | 'nothing';
  theme?: 'light' | 'dark';
  /** Unset: the Storybook toolbar's language. */
  lang?: string;
}

/**
 * `<tend-concern>`: a member raises a concern for the moderators to answer, named to them or
 * anonymous, and follows it here. The stories run on a community server faked in memory
 * (stories/community-server-fake.ts: the same rules as tend-server), on a fixed clock. You are
 * Rosa; Mira moderates.
 */
const meta: Meta<ConcernArgs> = {
  title: 'Elements/tend-concern',
  component: 'tend-concern',
  args: { scenario: 'form', beside: 'rotation' },
  argTypes: {
    scenario: { control: 'select', options: Object.keys(scenarios) },
    beside: { control: 'inline-radio', options: ['rotation', 'nothing'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    lang: { control: 'inline-radio', options: ['en', 'es'] },
  },
  render: ({ scenario, beside, theme, lang }): TemplateResult => {
    const seeded = scenarios[scenario]();
    return html`<div style="max-inline-size: 42rem">
      ${until(
        seeded.then(
          ({ adapter, keys }) =>
            html`<tend-provider
              .adapter=${adapter}
              user-id=${ROSA.id}
              user-name=${ROSA.name}
              token=${tokenOf(ROSA)}
              lang=${ifDefined(lang || undefined)}
            >
              <tend-concern
                post=${ifDefined(beside === 'rotation' ? ROTATION : undefined)}
                about=${ifDefined(beside === 'rotation' ? 'rotation' : undefined)}
                theme=${ifDefined(theme)}
                .now=${NOW}
                .keyStore=${keys}
              ></tend-concern>
            </tend-provider>`,
        ),
      )}
    </div>`;
  },
};
export default meta;

type Story = StoryObj<ConcernArgs>;

/** The story's element, once it is drawn. */
async function concernIn(canvas: HTMLElement): Promise<ShadowRoot> {
  for (let tries = 0; tries < 100; tries++) {
    const root = canvas.querySelector('tend-concern')?.shadowRoot;
    if (root?.querySelector('form')) return root;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the concern form never showed');
}

/** Presses the control whose words start with `name` (a button, or a choice's label). */
function press(root: ShadowRoot, name: string): void {
  const found = [...root.querySelectorAll<HTMLElement>('button, label')].find((el) =>
    (el.textContent ?? '').trim().startsWith(name),
  );
  if (!found) throw new Error(`no “${name}” to press`);
  found.click();
}

/** Browser-only storage: the element says concerns need the community's server, and offers no form. */
export const BrowserOnly: Story = { args: { scenario: 'browser only' } };

/** The form beside a rotation: what it is about, what to say, in whose words, and who may know. */
export const Form: Story = { args: { scenario: 'form' } };

/** On its own (no post): concerns are about how things go in the community. */
export const AboutTheCommunity: Story = { args: { scenario: 'form', beside: 'nothing' } };

/** Sent anonymously: the thank-you, and the concern waiting for a moderator. */
export const Sent: Story = {
  args: { scenario: 'form' },
  play: async ({ canvasElement }) => {
    const root = await concernIn(canvasElement);
    press(root, 'This rotation is too much');
    const words = root.querySelector<HTMLTextAreaElement>('#text')!;
    words.value = 'Three dinners a week is more than the family can take in.';
    words.dispatchEvent(new Event('input'));
    press(root, 'Nobody (anonymous)');
    await new Promise((resolve) => setTimeout(resolve, 50));
    press(root, 'Send to the moderators');
  },
};

/** Saying something else without words: the form asks for them at the field. */
export const WordsNeeded: Story = {
  args: { scenario: 'form', beside: 'nothing' },
  play: async ({ canvasElement }) => {
    const root = await concernIn(canvasElement);
    press(root, 'Something else');
    await new Promise((resolve) => setTimeout(resolve, 50));
    press(root, 'Send to the moderators');
  },
};

/** Following: a named concern answered by "a moderator", an anonymous one waiting, each with room to add. */
export const Following: Story = { args: { scenario: 'following', beside: 'nothing' } };

/** Closed after an answer: Rosa may reopen it, with a few words if she likes. */
export const ClosedCanReopen: Story = { args: { scenario: 'closed', beside: 'nothing' } };

/** Following, in Spanish. */
export const Spanish: Story = { args: { scenario: 'following', beside: 'nothing', lang: 'es' } };
