import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/provider/index.js';

interface ProviderArgs {
  storage: 'browser' | 'memory';
  community: string;
  userId?: string;
  userName?: string;
}

/**
 * `<tend-provider>` shares one storage adapter, one person and one community with the tend
 * elements inside it. It draws nothing itself: what you see is its slotted content.
 */
const meta: Meta<ProviderArgs> = {
  title: 'Elements/tend-provider',
  component: 'tend-provider',
  args: { storage: 'memory', community: 'storybook', userName: 'Ada' },
  argTypes: {
    storage: { control: 'inline-radio', options: ['browser', 'memory'] },
  },
  render: ({ storage, community, userId, userName }): TemplateResult => html`
    <tend-provider
      storage=${storage}
      community=${community}
      user-id=${ifDefined(userId)}
      user-name=${ifDefined(userName)}
    >
      <p>Elements placed here share this provider's storage, person and community.</p>
    </tend-provider>
  `,
};
export default meta;

type Story = StoryObj<ProviderArgs>;

/** In-memory storage: records are gone on reload. */
export const Memory: Story = {};

/** Browser storage (IndexedDB), the default when no `storage` is given. */
export const Browser: Story = { args: { storage: 'browser' } };
