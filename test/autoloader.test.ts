/**
 * The autoloader registers an element the first time its tag appears: in the page, added later,
 * or inside a shadow root it is told about. It fetches nothing for tags the page does not use.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';

const fetched = (path: string): boolean =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes(path));

describe('autoloader', () => {
  it('registers only the elements a page uses, when their tags appear', async () => {
    await fixture(html`<tend-reflection-prompt post="autoloaded"></tend-reflection-prompt>`);
    const { discover } = await import('../src/autoloader.js');
    await discover();
    expect(customElements.get('tend-reflection-prompt')).to.not.equal(undefined);
    expect(customElements.get('tend-offer-board')).to.equal(undefined);
    expect(fetched('/elements/offer-board/')).to.equal(false);
    expect(fetched('/elements/capacity-check-in/')).to.equal(false);
    expect(fetched('/storage/http.ts')).to.equal(false);

    // Added later by a script or a framework: found by the autoloader's observer.
    const later = document.createElement('section');
    later.innerHTML = '<tend-offer-board board="later"></tend-offer-board>';
    document.body.append(later);
    await waitUntil(() => customElements.get('tend-offer-board'), 'the board, defined once it appeared');
    later.remove();
  });

  it('finds elements in a shadow root it is given', async () => {
    const { discover } = await import('../src/autoloader.js');
    const host = await fixture(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<tend-capacity-check-in circle="shadowed"></tend-capacity-check-in>';
    await discover(root);
    expect(customElements.get('tend-capacity-check-in')).to.not.equal(undefined);
    expect(root.querySelector('tend-capacity-check-in')!.shadowRoot).to.not.equal(null);
  });
});
