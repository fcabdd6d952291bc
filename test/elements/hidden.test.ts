import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';

const TAGS = [
  'tend-provider',
  'tend-reflection-prompt',
  'tend-capacity-check-in',
  'tend-offer-board',
  'tend-concern',
  'tend-moderation',
];

describe('the hidden attribute', () => {
  let pageStyle: HTMLStyleElement;
  beforeEach(() => {
    // A site's own stylesheet that gives the elements a display of its choosing.
    pageStyle = document.createElement('style');
    pageStyle.textContent = `${TAGS.join(',')} { display: grid; }`;
    document.head.append(pageStyle);
  });
  afterEach(() => pageStyle.remove());

  for (const tag of TAGS)
    it(`hides <${tag}>, whatever display the page gives it`, async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div>
          <tend-provider storage="memory"></tend-provider>
          <tend-reflection-prompt></tend-reflection-prompt>
          <tend-capacity-check-in></tend-capacity-check-in>
          <tend-offer-board></tend-offer-board>
          <tend-concern></tend-concern>
          <tend-moderation></tend-moderation>
        </div>`,
      );
      const element = wrapper.querySelector<HTMLElement>(tag)!;
      await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(getComputedStyle(element).display).to.equal('grid');
      element.hidden = true;
      expect(getComputedStyle(element).display).to.equal('none');
    });

  it('hides what is inside a hidden provider, as the page asked', async () => {
    const provider = await fixture<HTMLElement>(
      html`<tend-provider storage="memory" hidden>
        <tend-capacity-check-in circle="street"></tend-capacity-check-in>
      </tend-provider>`,
    );
    const checkIn = provider.querySelector('tend-capacity-check-in')!;
    expect(getComputedStyle(provider).display).to.equal('none');
    expect(checkIn.getBoundingClientRect().height).to.equal(0);
    provider.hidden = false;
    expect(checkIn.getBoundingClientRect().height).to.be.greaterThan(0);
  });
});
