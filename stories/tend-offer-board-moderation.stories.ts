import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { until } from 'lit/directives/until.js';
import '../src/provider/index.js';
import '../src/elements/offer-board/index.js';
import { createPost, type PostInput } from '../src/domain/offers.js';
import { FakeCommunity, tokenOf, type FakePerson } from './community-server-fake.js';

/** Stories run on a fixed clock, so every state looks the same each time: Mon 2 Mar 2026, 10:00 UTC. */
const NOW = new Date('2026-03-02T10:00:00Z');
const HOUR = 3_600_000;
const BOARD = 'maple-street';
const ROSA: FakePerson = { id: 'rosa', name: 'Rosa' };
const TOMAS: FakePerson = { id: 'tomas', name: 'Tomás' };
const WEN: FakePerson = { id: 'wen', name: 'Wen' };
const MIRA: FakePerson = { id: 'mira', name: 'Mira', moderator: true };

const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * HOUR);

async function post(
  community: FakeCommunity,
  id: string,
  author: FakePerson,
  input: Partial<PostInput> & { title: string },
): Promise<void> {
  const value = createPost(BOARD, { kind: 'offer', category: 'meals', ...input }, author, at(48));
  await community.write('posts', id, value, author.id);
}

/** A board with two posts a moderator hid (one of them Tomás's, with a short thread) and three shown. */
async function seed(): Promise<FakeCommunity> {
  const community = new FakeCommunity('storybook', NOW);
  await post(community, 'a-soup', ROSA, {
    title: 'Soup for two, Tuesdays',
    details: 'Lentil or squash, vegan. I can leave it at your door.',
    slots: 3,
  });
  await post(community, 'b-clinic', TOMAS, {
    kind: 'need',
    category: 'rides',
    title: 'Lifts to the clinic',
    details: 'Mrs Reyes on the corner needs lifts for her chemo on Tuesdays.',
  });
  await post(community, 'c-sofa', WEN, {
    kind: 'need',
    category: 'errands',
    title: 'A hand moving a sofa on Saturday',
    details: 'Two people for half an hour.',
  });
  await post(community, 'd-cash', WEN, {
    title: 'Cash for anyone who needs it, no questions',
    details: 'DM me your bank details.',
  });
  await post(community, 'e-garden', ROSA, {
    category: 'other',
    title: 'Garden tools to lend',
    details: 'Spade, rake, shears.',
  });
  community.clock = at(20);
  await community.as(MIRA).operate('posts', 'b-clinic', {
    type: 'hide',
    reason: 'It names a neighbour’s illness. Could you post it without her name and diagnosis?',
  });
  community.clock = at(18);
  await community.as(TOMAS).operate('posts', 'b-clinic', {
    type: 'hide-reply',
    text: 'Fair. She asked me to post it, but I’ll reword it.',
  });
  community.clock = at(17);
  await community.as(MIRA).operate('posts', 'b-clinic', {
    type: 'hide-reply',
    text: 'Thank you. Post it again without those and I’ll take this one down for good.',
  });
  community.clock = at(6);
  await community.as(MIRA).operate('posts', 'd-cash', {
    type: 'hide',
    reason: 'Asking for bank details puts people at risk.',
  });
  community.clock = NOW;
  return community;
}

const VIEWERS = { 'Tomás (author)': TOMAS, 'Rosa (member)': ROSA, 'Mira (moderator)': MIRA } as const;

interface Args {
  viewer: keyof typeof VIEWERS;
  theme?: 'light' | 'dark';
  /** Unset: the Storybook toolbar's language. */
  lang?: string;
}

/**
 * `<tend-offer-board>` with moderation: posts hidden by a moderator, as their author, another
 * member and a moderator see them. On a community server faked in memory
 * (stories/community-server-fake.ts: the same rules as tend-server), on a fixed clock.
 */
const meta: Meta<Args> = {
  title: 'Elements/tend-offer-board/Moderation',
  component: 'tend-offer-board',
  args: { viewer: 'Tomás (author)' },
  argTypes: {
    viewer: { control: 'inline-radio', options: Object.keys(VIEWERS) },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    lang: { control: 'inline-radio', options: ['en', 'es'] },
  },
  render: ({ viewer, theme, lang }): TemplateResult => {
    const person = VIEWERS[viewer];
    return html`${until(
      seed().then(
        (community) =>
          html`<tend-provider
            .adapter=${community.as(person)}
            user-id=${person.id}
            user-name=${person.name}
            token=${tokenOf(person)}
            lang=${ifDefined(lang || undefined)}
          >
            <tend-offer-board board=${BOARD} theme=${ifDefined(theme)} .now=${NOW}></tend-offer-board>
          </tend-provider>`,
      ),
    )}`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Tomás's post, hidden: still on his board, marked, with the reason and the thread with the moderators. */
export const HiddenPostAsAuthor: Story = { args: { viewer: 'Tomás (author)' } };

/** Another member: the hidden posts are gone; the board says only how many a moderator hid. */
export const HiddenCountAsMember: Story = { args: { viewer: 'Rosa (member)' } };

/** A moderator: "Hide" on others' posts, asking for a reason the author will read. */
export const HideAsModerator: Story = {
  args: { viewer: 'Mira (moderator)' },
  play: async ({ canvasElement }) => {
    for (let tries = 0; tries < 100; tries++) {
      const root = canvasElement.querySelector('tend-offer-board')?.shadowRoot;
      const hide = [...(root?.querySelectorAll('li.card') ?? [])]
        .find((card) => card.querySelector('h3')?.textContent?.includes('Garden tools'))
        ?.querySelector<HTMLButtonElement>('.actions button:last-child');
      if (hide?.textContent?.trim() === 'Hide') {
        hide.click();
        // The question's module comes the first time one is asked.
        while (!root?.querySelector('#ask-dialog[open]'))
          await new Promise((resolve) => setTimeout(resolve, 50));
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('no “Hide” to press');
  },
};

/** A moderator's board: hidden posts stay in view for them, marked, with the thread and "Show it again". */
export const HiddenAsModerator: Story = { args: { viewer: 'Mira (moderator)' } };
