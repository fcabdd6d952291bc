import { expect, fixture, html } from '@open-wc/testing';
import '../fixtures/test-notes.js';
import type { TestNotes } from '../fixtures/test-notes.js';
import '../../src/provider/index.js';
import { num, plural, registerLanguage, registerMessages, relativeTime } from '../../src/i18n/localize.js';

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

describe('plural and num', () => {
  const people = { one: '# person', other: '# people' };
  const personas = { one: '# persona', other: '# personas' };

  it('says zero as plural in English and Spanish', () => {
    expect(plural('en', 0, people)).to.equal('0 people');
    expect(plural('es', 0, personas)).to.equal('0 personas');
    expect(plural('es', 1, personas)).to.equal('1 persona');
  });

  it('writes the count the language’s way, and follows a region', () => {
    expect(plural('es', 1200, personas)).to.equal('1200 personas');
    expect(plural('es', 12000, personas)).to.equal('12.000 personas');
    expect(plural('es-MX', 12000, personas)).to.equal('12,000 personas');
    expect(num('en', 12000)).to.equal('12,000');
    expect(num('es', 12000)).to.equal('12.000');
  });

  it('uses a language’s other forms when given, and `other` when a form is missing', () => {
    const forms = { one: '# plik', few: '# pliki', many: '# plików', other: '# pliku' };
    expect(plural('pl', 1, forms)).to.equal('1 plik');
    expect(plural('pl', 3, forms)).to.equal('3 pliki');
    expect(plural('pl', 5, forms)).to.equal('5 plików');
    expect(plural('pl', 3, { other: '# x' })).to.equal('3 x');
    expect(plural('en', 1, { other: 'Your reflections (#)' })).to.equal('Your reflections (1)');
  });

  it('says a relative time in the language', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    expect(relativeTime('en', new Date('2026-02-28T10:00:00Z'), now)).to.equal('2 days ago');
    expect(relativeTime('es', new Date('2026-02-27T10:00:00Z'), now)).to.equal('hace 3 días');
    expect(relativeTime('en', new Date('2026-03-01T10:00:00Z'), now)).to.equal('yesterday');
  });
});

describe('languages loaded on demand', () => {
  const shown = (el: TestNotes): string | null => el.shadowRoot?.querySelector('h2')?.textContent ?? null;

  it('loads a language the first time an element is shown in it, once for every element, and renders only then', async () => {
    let calls = 0;
    let release!: () => void;
    registerLanguage('test-notes', 'fr', () => {
      calls++;
      return new Promise((resolve) => (release = () => resolve({ heading: 'Carnet' })));
    });
    const wrapper = await fixture(
      html`<div lang="fr-CA"><test-notes></test-notes><test-notes></test-notes></div>`,
    );
    const [first, second] = [...wrapper.querySelectorAll<TestNotes>('test-notes')];
    await new Promise((r) => setTimeout(r, 30));
    // No flash of English while the words are on their way.
    expect(shown(first!)).to.equal(null);
    expect(calls).to.equal(1);
    release();
    await first!.updateComplete;
    await second!.updateComplete;
    expect([shown(first!), shown(second!)]).to.deep.equal(['Carnet', 'Carnet']);
    const later = await fixture<TestNotes>(html`<test-notes lang="fr"></test-notes>`);
    expect(shown(later)).to.equal('Carnet');
    expect(calls).to.equal(1);
  });

  it('loads nothing for a language the page does not use', async () => {
    let calls = 0;
    registerLanguage('test-notes', 'it', () => {
      calls++;
      return Promise.resolve({ heading: 'Appunti' });
    });
    const el = await fixture<TestNotes>(html`<test-notes lang="en"></test-notes>`);
    expect(shown(el)).to.equal('Notes');
    expect(calls).to.equal(0);
  });

  it('shows English, and says why in the console, when a language cannot be loaded', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      registerLanguage('test-notes', 'pt', () => Promise.reject(new TypeError('Failed to fetch')));
      const el = await fixture<TestNotes>(html`<test-notes lang="pt"></test-notes>`);
      expect(shown(el)).to.equal('Notes');
    } finally {
      console.warn = original;
    }
    expect(warnings.join()).to.contain('the pt words of <test-notes> did not load');
  });

  it('fetches the built-in Spanish words as their own module when a page is in Spanish', async () => {
    await import('../../src/elements/reflection-prompt/index.js');
    const before = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(before.some((name) => name.includes('reflection-prompt.es'))).to.equal(false);
    const el = await fixture<HTMLElement>(
      html`<tend-reflection-prompt lang="es" post="on-demand"></tend-reflection-prompt>`,
    );
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Una reflexión tranquila');
    const after = performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(after.some((name) => name.includes('reflection-prompt.es'))).to.equal(true);
  });
});
