import { expect, fixture, html } from '@open-wc/testing';
import '../fixtures/test-notes.js';
import type { TestNotes } from '../fixtures/test-notes.js';
import '../../src/provider/index.js';
import { plural, registerMessages } from '../../src/i18n/localize.js';

registerMessages('test-notes', 'es', { heading: 'Notas', count: (n: number) => `${n} notas` });

const heading = (el: TestNotes) => el.shadowRoot!.querySelector('h2')!.textContent;

describe('LocalizeController', () => {
  it('uses English by default', async () => {
    const el = await fixture<TestNotes>(html`<test-notes></test-notes>`);
    expect(heading(el)).to.equal('Notes');
  });

  it('follows the nearest lang attribute, with region fallback, and re-renders when it changes', async () => {
    const wrapper = await fixture(html`<div lang="es-MX"><test-notes></test-notes></div>`);
    const el = wrapper.querySelector<TestNotes>('test-notes')!;
    await el.updateComplete;
    expect(heading(el)).to.equal('Notas');
    el.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(heading(el)).to.equal('Notes');
  });

  it('takes the language of <tend-provider lang>', async () => {
    const provider = await fixture(
      html`<tend-provider lang="es" storage="memory"><test-notes></test-notes></tend-provider>`,
    );
    const el = provider.querySelector<TestNotes>('test-notes')!;
    await el.updateComplete;
    expect(heading(el)).to.equal('Notas');
  });

  it('follows <html lang> when nothing nearer says', async () => {
    const el = await fixture<TestNotes>(html`<test-notes></test-notes>`);
    document.documentElement.lang = 'es';
    try {
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect(heading(el)).to.equal('Notas');
    } finally {
      document.documentElement.removeAttribute('lang');
    }
  });

  it('lets a site override words on one element', async () => {
    const el = await fixture<TestNotes>(
      html`<test-notes .messages=${{ heading: 'Our notes' }}></test-notes>`,
    );
    expect(heading(el)).to.equal('Our notes');
  });

  it('shows words registered after the first render (the merged words are not kept stale)', async () => {
    const wrapper = await fixture(html`<div lang="de"><test-notes></test-notes></div>`);
    const el = wrapper.querySelector<TestNotes>('test-notes')!;
    await el.updateComplete;
    expect(heading(el)).to.equal('Notes');
    registerMessages('test-notes', 'de', { heading: 'Notizen' });
    await el.updateComplete;
    expect(heading(el)).to.equal('Notizen');
  });

  it('picks plural forms by the language’s rules', () => {
    expect(plural('en', 1, { one: '# person', other: '# people' })).to.equal('1 person');
    expect(plural('en', 1200, { one: '# person', other: '# people' })).to.equal('1,200 people');
    expect(plural('es', 2, { one: '# persona', other: '# personas' })).to.equal('2 personas');
  });
});
