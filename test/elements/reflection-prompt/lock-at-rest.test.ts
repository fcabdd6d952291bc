/**
 * Once a lock exists, nothing a reader wrote is stored in plain: these tests read the browser's
 * own stores (IndexedDB and localStorage, through their APIs, not through tend) for the words.
 */
import { expect, html } from '@open-wc/testing';
import { makeEntry, type Question } from '../../../src/domain/reflection.js';
import type { TendReflectionPrompt } from '../../../src/elements/reflection-prompt/index.js';
import { BrowserAdapter, type BrowserBackendName } from '../../../src/storage/index.js';
import { button, click, focused, hasButton, mount, text, type, visible } from './helpers.js';

const questions: Question[] = [{ id: 'happened', kind: 'text', label: 'What happened?' }];
const PASS = 'quiet river stones';

/** Everything the browser holds for this database name, as text: every row of IndexedDB or every localStorage key. */
async function raw(backend: BrowserBackendName, name: string): Promise<string> {
  if (backend === 'localstorage') {
    const found: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i)!;
      if (key.startsWith(`${name}:`)) found.push(`${key} ${localStorage.getItem(key)}`);
    }
    return found.join('\n');
  }
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const all = db.transaction('records').objectStore('records').getAll();
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    });
    return JSON.stringify(rows);
  } finally {
    db.close();
  }
}

async function waitFor(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const start = Date.now();
  while (!(await done())) {
    if (Date.now() - start > 20000) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

for (const backend of ['indexeddb', 'localstorage'] as const) {
  describe(`the lock leaves no plaintext in IndexedDB or localStorage (${backend})`, function () {
    this.timeout(60000);
    let name: string;
    let adapter: BrowserAdapter;
    const stored = () => raw(backend, name);

    /** The revision of a record right now (to wait for the next write to it). */
    const revOf = async (collection: string, id: string) => (await adapter.get(collection, id))?.rev ?? 0;
    const written = (collection: string, id: string, after: number) =>
      waitFor(async () => (await revOf(collection, id)) > after, `${collection}/${id} was written`);

    beforeEach(async () => {
      name = `tend-lock-${crypto.randomUUID()}`;
      adapter = new BrowserAdapter({ name, backends: [backend], author: 'ana' });
      expect((await adapter.ready()).location).to.equal(backend);
      await adapter.put(
        'reflections',
        'r-1',
        makeEntry(
          {
            postId: 'my-post',
            authorId: 'ana',
            promptSet: 'custom',
            questions,
            answers: { happened: 'I hosted every Sunday.' },
          },
          new Date(Date.UTC(2026, 4, 1, 9)),
        ),
      );
    });

    afterEach(async () => {
      adapter.close();
      for (const key of Object.keys(localStorage))
        if (key.startsWith(`${name}:`)) localStorage.removeItem(key);
      indexedDB.deleteDatabase(name);
    });

    const open = (post: string) =>
      mount(adapter, html`<tend-reflection-prompt post=${post} layout="list"></tend-reflection-prompt>`);

    async function lockFrom(el: TendReflectionPrompt): Promise<void> {
      await waitFor(() => hasButton(el, 'Your reflections (1)'), 'the entry has loaded');
      await click(el, 'Your reflections (1)');
      await type(el, 'Passphrase', PASS);
      await type(el, 'Passphrase again', PASS);
      button(el, 'Lock my reflections').click();
      // Focus moves to what the open lock says once everything is sealed.
      await waitFor(
        () => text(focused(el)) === 'Locked in this browser, and open on this page until you lock it again.',
        'the lock is made and focused',
      );
    }

    it('seals a draft on another post and every entry when the reader locks, and autosaves sealed after', async () => {
      const other = await open('other-post');
      await type(other, 'What happened?', 'Half a thought about my brother');
      // The stores are really read: before any lock, the words are there in plain.
      await waitFor(async () => (await stored()).includes('brother'), 'the draft is stored');
      expect(await stored()).to.contain('I hosted every Sunday.');

      const el = await open('my-post');
      await lockFrom(el);
      const sealed = await stored();
      expect(sealed).to.not.contain('brother');
      expect(sealed).to.not.contain('hosted');
      expect(sealed).to.contain('other-post');
      await expect(el).to.be.accessible();

      // The element on the other post saw the lock: its next autosave is sealed too.
      const rev = await revOf('reflection-drafts', 'other-post');
      await type(other, 'What happened?', 'Half a thought about my brother and my sister');
      await written('reflection-drafts', 'other-post', rev);
      const after = await stored();
      expect(after).to.not.contain('sister');
      expect(after).to.not.contain('brother');
    });

    it('autosaves drafts sealed while the lock is closed, on this visit and the next', async () => {
      const el = await open('my-post');
      await lockFrom(el);
      await click(el, 'Lock now');
      // The button is gone: focus goes to what the panel now says.
      expect(text(focused(el))).to.equal(
        'Your reflections are locked. New ones are locked too as you save them.',
      );
      expect(visible(el, '.lock')).to.contain('Your reflections are locked.');
      await expect(el).to.be.accessible();

      await click(el, 'Back to the reflection');
      await type(el, 'What happened?', 'Words about my mother');
      await written('reflection-drafts', 'my-post', 0);
      expect(await stored()).to.not.contain('mother');
      el.closest('tend-provider')!.remove();

      // A new visit: the lock was never opened on this page, and nothing asks for it to save.
      const next = await open('third-post');
      await type(next, 'What happened?', 'Something about my father');
      await written('reflection-drafts', 'third-post', 0);
      expect(await stored()).to.not.contain('father');
      next.closest('tend-provider')!.remove();

      const again = await open('my-post');
      // The draft loads as the store opens: wait for it rather than race it.
      await waitFor(
        () => visible(again, '[part~="step"]').includes('Your draft is locked.'),
        'the locked draft is found',
      );
      await type(again, 'Passphrase', PASS);
      button(again, 'Open').click();
      await waitFor(() => visible(again).includes('Your draft was kept'), 'the draft opened');
      expect((again.shadowRoot!.querySelector('textarea') as HTMLTextAreaElement).value).to.equal(
        'Words about my mother',
      );
    });

    it('finishes a reflection sealed while the lock is closed, without the passphrase', async () => {
      const first = await open('my-post');
      await lockFrom(first);
      first.closest('tend-provider')!.remove();

      const el = await open('my-post');
      await type(el, 'What happened?', 'A brand new secret.');
      await click(el, 'Save my reflection');
      await waitFor(() => visible(el).includes('Saved, and locked.'), 'it was saved');
      expect(hasButton(el, 'Save it without the lock')).to.equal(false);
      expect(text(focused(el))).to.equal('Saved, and locked. Thank you for giving this some time.');
      await expect(el).to.be.accessible();
      const after = await stored();
      expect(after).to.not.contain('brand new secret');
      expect(after).to.not.contain('hosted');
      expect((await adapter.list('reflections')).length).to.equal(2);

      // The passphrase opens it.
      await click(el, 'Your reflections (2)');
      expect(visible(el, '[part~="entries"]')).to.contain('Locked reflection');
      await type(el, 'Passphrase', PASS);
      button(el, 'Open').click();
      await waitFor(() => el.shadowRoot!.querySelectorAll('details').length === 2, 'both opened');
      expect(visible(el, '[part~="entries"]')).to.contain('A brand new secret.');
    });

    it('keeps an entry edited after locking sealed', async () => {
      const el = await open('my-post');
      await lockFrom(el);
      // Sealed entries open with the lock's key, whose code arrives on demand.
      await waitFor(() => !!el.shadowRoot!.querySelector('summary'), 'the entry, open');
      el.shadowRoot!.querySelector('summary')!.click();
      await click(el, 'Change');
      await type(el, 'What happened?', 'I hosted every Sunday, and then I stopped.');
      await click(el, 'Save changes');
      await waitFor(() => visible(el).includes('Saved, and locked.'), 'it was saved');
      const after = await stored();
      expect(after).to.not.contain('hosted');
      expect(after).to.not.contain('stopped');
      const [entry] = await adapter.list<{ locked?: { v: number } }>('reflections');
      expect(entry!.value.locked?.v).to.equal(2);
    });

    it('writes everything back in plain when the reader removes the lock', async () => {
      const other = await open('other-post');
      await type(other, 'What happened?', 'Half a thought about my brother');
      await written('reflection-drafts', 'other-post', 0);
      const el = await open('my-post');
      await lockFrom(el);
      await waitFor(async () => !(await stored()).includes('brother'), 'the other draft is sealed');
      expect(await stored()).to.contain('reflection-locks');

      await click(el, 'Remove the lock');
      await waitFor(() => hasButton(el, 'Lock my reflections'), 'the lock is gone');
      expect(visible(el, '[part~="entries"]')).to.contain('The lock is off.');
      expect(text(focused(el))).to.equal('Your reflections');
      await expect(el).to.be.accessible();
      const after = await stored();
      expect(after).to.contain('I hosted every Sunday.');
      expect(after).to.contain('Half a thought about my brother');
      expect(after).to.not.contain('reflection-locks');
      expect(after).to.not.contain('"locked"');

      // No lock: the reader's choice, and new words are plain again.
      const rev = await revOf('reflection-drafts', 'other-post');
      await type(other, 'What happened?', 'Half a thought about my brother, said aloud');
      await written('reflection-drafts', 'other-post', rev);
      expect(await stored()).to.contain('said aloud');
    });
  });
}
