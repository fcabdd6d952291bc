import { expect } from '@open-wc/testing';
import { historyId, type CapacityLevel } from '../../../src/domain/capacity.js';
import { MemoryAdapter, MemoryStore } from '../../../src/storage/index.js';
import { button, click, control, mount, root, text } from './helpers.js';

async function day(
  adapter: MemoryAdapter,
  personId: string,
  date: string,
  level: CapacityLevel,
): Promise<void> {
  await adapter.put('check-in-history', historyId(personId, date), {
    personId,
    circle: 'maple',
    date,
    level,
  });
}

const days = (el: HTMLElement): string[] =>
  [...el.shadowRoot!.querySelectorAll('[part="pattern"] details li')].map((li) => li.textContent!.trim());

describe('<tend-capacity-check-in>: my pattern', () => {
  it('invites a first check-in before there is anything to draw', async () => {
    const el = await mount();
    expect(root(el).querySelector('[part="chart"]')).to.equal(null);
    expect(text(el, 'pattern')).to.contain('Your check-ins will draw a small picture here over the days.');
  });

  it('draws my last 14 days with a text alternative, and notices a low stretch gently', async () => {
    const store = new MemoryStore();
    const mine = new MemoryAdapter({ store, community: 'street', author: 'me' });
    const ben = new MemoryAdapter({ store, community: 'street', author: 'ben' });
    await day(mine, 'me', '2026-10-20', 'plenty'); // 15 days ago: outside the picture
    await day(mine, 'me', '2026-10-21', 'plenty');
    for (const date of ['2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01'])
      await day(mine, 'me', date, 'resting');
    await day(mine, 'me', '2026-11-02', 'a-little');
    await day(ben, 'ben', '2026-11-03', 'plenty');
    const el = await mount({ adapter: mine });

    const chart = root(el).querySelector('[part="chart"]')!;
    expect(chart.getAttribute('role')).to.equal('img');
    expect(chart.getAttribute('aria-label')).to.contain('last 14 days');
    expect(chart.querySelectorAll('rect').length + chart.querySelectorAll('circle').length).to.equal(14);
    expect(chart.querySelectorAll('rect').length).to.equal(6);
    const list = days(el);
    expect(list).to.have.length(14);
    expect(list[0]).to.match(/21.*: Plenty$/);
    expect(list[13], 'Ben’s day is never mine').to.match(/3.*: no check-in$/);
    expect(text(el, 'pattern')).to.contain('You’ve had little room on 5 of the last 7 days.');
    await expect(el).to.be.accessible();

    // Saving today adds today's bar.
    await click(el, control(el, 'Some'));
    await click(el, button(el, 'Save my check-in'));
    expect(days(el)[13]).to.match(/: Some$/);
    expect(root(el).querySelectorAll('[part="chart"] rect').length).to.equal(7);
  });

  it('shows no low-stretch note for a week with room', async () => {
    const adapter = new MemoryAdapter({ community: 'street', author: 'me' });
    await day(adapter, 'me', '2026-11-02', 'resting');
    await day(adapter, 'me', '2026-11-01', 'some');
    const el = await mount({ adapter });
    expect(days(el)).to.have.length(14);
    expect(text(el, 'pattern')).not.to.contain('little room');
  });
});
