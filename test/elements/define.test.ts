import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { addCloakStyle, defineElements } from '../../src/elements/define.js';

describe('defineElements', () => {
  it('defines once, and a second copy warns once instead of throwing', () => {
    class First extends LitElement {}
    class SecondCopy extends LitElement {}
    class ThirdCopy extends LitElement {}
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      defineElements({ 'tend-define-probe': First });
      defineElements({ 'tend-define-probe': SecondCopy });
      defineElements({ 'tend-define-probe': ThirdCopy });
    } finally {
      console.warn = original;
    }
    expect(customElements.get('tend-define-probe')).to.equal(First);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0])).to.contain('<tend-define-probe> already defined');
  });

  it('adds one cloak style so not-yet-defined elements keep their space', () => {
    addCloakStyle(['tend-undefined-probe']);
    addCloakStyle(['tend-undefined-probe']);
    expect(document.querySelectorAll('#tend-cloak')).to.have.length(1);
    const probe = document.createElement('tend-undefined-probe');
    document.body.append(probe);
    expect(getComputedStyle(probe).visibility).to.equal('hidden');
    probe.hidden = true;
    expect(getComputedStyle(probe).display, 'a hidden one takes no space').to.equal('none');
    probe.remove();
  });
});
