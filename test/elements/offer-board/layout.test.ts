import { expect, fixture, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { TendOfferBoard } from '../../../src/elements/offer-board/index.js';
import meta, { Busy } from '../../../stories/tend-offer-board.stories.js';

describe('<tend-offer-board>: content first', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('shows the first post within the first screen at 375 px (the Busy story)', async () => {
    await setViewport({ width: 375, height: 900 });
    const wrapper = await fixture<HTMLElement>(
      meta.render!({ ...meta.args, ...Busy.args } as never, {} as never) as never,
    );
    const board = wrapper.querySelector<TendOfferBoard>('tend-offer-board')!;
    await waitUntil(() => board.shadowRoot?.querySelector('li.card'), 'the posts load');
    await board.updateComplete;
    const first = board.shadowRoot!.querySelector('li.card')!;
    const top = first.getBoundingClientRect().top - board.getBoundingClientRect().top;
    console.log(`first card top at 375 px: ${Math.round(top)} px`);
    expect(top).to.be.below(700);
  });
});
