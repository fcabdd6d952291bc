import { expect, html, oneEvent } from '@open-wc/testing';
import { MemoryAdapter } from '../../../src/storage/index.js';
import { makeEntry, type Question, type ReflectionEntry } from '../../../src/domain/reflection.js';
import type { TendReflectionPrompt } from '../../../src/elements/reflection-prompt/index.js';
import {
  announced,
  button,
  click,
  field,
  focused,
  hasButton,
  mount,
  settle,
  text,
  type,
  visible,
} from './helpers.js';

const questions: Question[] = [
  { id: 'happened', kind: 'text', label: 'What happened?' },
  { id: 'next', kind: 'text', label: 'Next time?' },
];

/** Storage holding two of Ana's reflections on `my-post`, one on another post, and one of Ben's. */
async function seeded(): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter({ author: 'ana' });
  const entry = (postId: string, authorId: string, happened: string, day: number) =>
    makeEntry(
      {
        postId,
        authorId,
        promptSet: 'custom',
        questions,
        answers: { happened, next: 'Ask for help sooner.' },
      },
      new Date(Date.UTC(2026, 4, day, 9)),
    );
  await adapter.put('reflections', 'r-1', entry('my-post', 'ana', 'I hosted every Sunday.', 1));
  await adapter.put('reflections', 'r-2', entry('my-post', 'ana', 'I lent my car again.', 2));
  await adapter.put('reflections', 'r-3', entry('other-post', 'ana', 'I covered a shift.', 3));
  await adapter.put('reflections', 'r-ben', entry('my-post', 'ben', 'Ben’s own words.', 4));
  return adapter;
}

const dialogButton = (el: TendReflectionPrompt, name: string) =>
  [...el.shadowRoot!.querySelectorAll('dialog button')].find((b) => text(b) === name) as HTMLButtonElement;

async function openEntries(el: TendReflectionPrompt): Promise<void> {
  await click(el, 'Your reflections (3)');
}

/** Sets a passphrase from the entries view and waits until the lock is open. */
async function lockWith(el: TendReflectionPrompt, passphrase: string): Promise<void> {
  await type(el, 'Passphrase', passphrase);
  await type(el, 'Passphrase again', passphrase);
  button(el, 'Lock my reflections').click();
  await waitFor(() => hasButton(el, 'Lock now'));
}

/** Clicks a download button and returns the file it offered (read back from its blob URL). */
async function download(el: TendReflectionPrompt, name: string): Promise<{ file: string; body: string }> {
  let link: HTMLAnchorElement | undefined;
  const catchLink = (event: Event) => {
    const target = event.target as HTMLElement;
    if (target.localName !== 'a') return;
    event.preventDefault();
    link = target as HTMLAnchorElement;
  };
  el.shadowRoot!.addEventListener('click', catchLink, true);
  button(el, name).click();
  el.shadowRoot!.removeEventListener('click', catchLink, true);
  expect(link?.localName, 'a download link was clicked').to.equal('a');
  return { file: link!.download, body: await (await fetch(link!.href)).text() };
}

describe('<tend-reflection-prompt> saved reflections', () => {
  it('lists only the reader’s own reflections, for this post first, then every post', async () => {
    const el = await mount(
      await seeded(),
      html`<tend-reflection-prompt post="my-post"></tend-reflection-prompt>`,
    );
    await openEntries(el);
    expect(text(focused(el))).to.equal('Your reflections');
    const summaries = () => [...el.shadowRoot!.querySelectorAll('summary')].map(text);
    // Each is named by its first line, then its date.
    expect(summaries()).to.deep.equal([
      'I lent my car again. May 2, 2026',
      'I hosted every Sunday. May 1, 2026',
    ]);
    expect(visible(el, '[part~="entries"]')).to.not.contain('Ben’s own words.');
    await expect(el).to.be.accessible();
    field<HTMLInputElement>(el, 'Show my reflections from every post').click();
    await settle(el);
    expect(summaries()).to.have.length(3);
    expect(summaries()[0]).to.contain('on “other-post”');
    el.shadowRoot!.querySelector('details')!.open = true;
    expect(visible(el, 'dl')).to.contain('What happened? I covered a shift.');
    await expect(el).to.be.accessible();
  });

  it('changes a saved reflection through the same steps', async () => {
    const adapter = await seeded();
    const el = await mount(adapter, html`<tend-reflection-prompt post="my-post"></tend-reflection-prompt>`);
    await openEntries(el);
    el.shadowRoot!.querySelector('details')!.open = true;
    await click(el, 'Change');
    expect(field(el, 'What happened?').value).to.equal('I lent my car again.');
    await type(el, 'What happened?', 'I lent my car again, for a week.');
    await click(el, 'Next');
    const saved = oneEvent(el, 'tend-reflection-saved');
    button(el, 'Save changes').click();
    expect((await saved).detail).to.deep.equal({ postId: 'my-post', entryId: 'r-2' });
    const record = await adapter.get<ReflectionEntry>('reflections', 'r-2');
    expect(record!.value.answers!['happened']).to.equal('I lent my car again, for a week.');
    expect(record!.value.createdAt).to.equal('2026-05-02T09:00:00.000Z');
    expect(await adapter.list('reflections')).to.have.length(4);
  });

  it('deletes one after confirming in a dialog, and focus comes back', async () => {
    const adapter = await seeded();
    const el = await mount(adapter, html`<tend-reflection-prompt post="my-post"></tend-reflection-prompt>`);
    await openEntries(el);
    el.shadowRoot!.querySelector('details')!.open = true;
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector('dialog')!;

    // Keeping it: nothing changes and focus returns to the button that opened the dialog.
    const opener = button(el, 'Delete');
    opener.focus();
    opener.click();
    await settle(el);
    expect(dialog.open).to.equal(true);
    expect(text(dialog.querySelector('p'))).to.equal('Delete this reflection? It can’t be brought back.');
    await expect(el).to.be.accessible();
    expect(dialogButton(el, 'Don’t delete')).to.not.equal(undefined);
    dialogButton(el, 'Don’t delete').click();
    await settle(el);
    expect(dialog.open).to.equal(false);
    expect(focused(el)).to.equal(opener);
    expect(await adapter.list('reflections')).to.have.length(4);

    opener.click();
    await settle(el);
    const deleted = oneEvent(el, 'tend-reflection-deleted');
    dialogButton(el, 'Delete').click();
    const { detail } = await deleted;
    await settle(el);
    expect(detail).to.deep.equal({ postId: 'my-post', entryIds: ['r-2'] });
    expect((await adapter.list('reflections')).map((r) => r.id)).to.deep.equal(['r-1', 'r-3', 'r-ben']);
    expect(text(focused(el))).to.equal('Your reflections');
    expect(visible(el, '[part~="entries"]')).to.contain('Deleted.');
    expect(announced(el)).to.equal('Deleted.');
  });

  it('deletes all of the reader’s reflections (and nobody else’s) after confirming', async () => {
    const adapter = await seeded();
    const el = await mount(adapter, html`<tend-reflection-prompt post="my-post"></tend-reflection-prompt>`);
    await openEntries(el);
    await click(el, 'Delete all my reflections');
    expect(text(el.shadowRoot!.querySelector('dialog p'))).to.equal(
      'Delete all 3 of your reflections from this browser? They can’t be brought back.',
    );
    // Both buttons say plainly what they do.
    expect([...el.shadowRoot!.querySelectorAll('dialog button')].map(text)).to.deep.equal([
      'Don’t delete',
      'Delete all my reflections',
    ]);
    const deleted = oneEvent(el, 'tend-reflection-deleted');
    dialogButton(el, 'Delete all my reflections').click();
    expect((await deleted).detail.entryIds).to.deep.equal(['r-3', 'r-2', 'r-1']);
    await settle(el);
    expect((await adapter.list('reflections')).map((r) => r.id)).to.deep.equal(['r-ben']);
    expect(visible(el, '[part~="entries"]')).to.contain('Nothing saved yet.');
    await expect(el).to.be.accessible();
  });

  it('counts in Spanish, and the dialog’s way out says what it does', async () => {
    const adapter = await seeded();
    const el = await mount(
      adapter,
      html`<tend-reflection-prompt post="my-post" lang="es"></tend-reflection-prompt>`,
    );
    expect(hasButton(el, 'Omitir esta pregunta')).to.equal(true);
    await click(el, 'Tus reflexiones (3)');
    await click(el, 'Borrar todas mis reflexiones');
    expect(text(el.shadowRoot!.querySelector('dialog p'))).to.equal(
      '¿Borrar tus 3 reflexiones de este navegador? No se podrán recuperar.',
    );
    dialogButton(el, 'No borrar').click();
    await settle(el);
    expect(await adapter.list('reflections')).to.have.length(4);
    await expect(el).to.be.accessible();
  });

  it('exports every reflection of the reader as Markdown and as JSON', async () => {
    const el = await mount(
      await seeded(),
      html`<tend-reflection-prompt post="my-post"></tend-reflection-prompt>`,
    );
    await openEntries(el);
    const markdown = await download(el, 'Download all as Markdown');
    expect(markdown.file).to.equal('reflections.md');
    expect(announced(el)).to.equal('Downloaded.');
    expect(markdown.body.startsWith('# My reflections\n\n## ')).to.equal(true);
    for (const words of [
      'I hosted every Sunday.',
      'I lent my car again.',
      'I covered a shift.',
      '**Next time?**',
    ])
      expect(markdown.body).to.contain(words);
    expect(markdown.body).to.not.contain('Ben’s own words.');

    const json = await download(el, 'Download all as JSON');
    expect(json.file).to.equal('reflections.json');
    const parsed = JSON.parse(json.body);
    expect(parsed.format).to.equal('tend-reflections');
    expect(parsed.entries.map((e: { id: string }) => e.id)).to.deep.equal(['r-3', 'r-2', 'r-1']);
    expect(parsed.entries[1]).to.deep.include({
      postId: 'my-post',
      answers: { happened: 'I lent my car again.', next: 'Ask for help sooner.' },
    });
  });

  describe('the passphrase lock', function () {
    this.timeout(30000);

    it('seals entries so storage holds none of their words; a wrong passphrase opens nothing', async () => {
      const adapter = await seeded();
      const el = await mount(adapter, html`<tend-reflection-prompt post="my-post"></tend-reflection-prompt>`);
      await openEntries(el);

      await type(el, 'Passphrase', 'short');
      await type(el, 'Passphrase again', 'short');
      await click(el, 'Lock my reflections');
      expect(visible(el, '.lock [role="status"]')).to.equal(
        'Please use at least 8 characters. A short sentence works well.',
      );
      await type(el, 'Passphrase again', 'different');
      await type(el, 'Passphrase', 'quiet river stones');
      await click(el, 'Lock my reflections');
      expect(visible(el, '.lock [role="status"]')).to.contain('aren’t the same');

      await type(el, 'Passphrase again', 'quiet river stones');
      button(el, 'Lock my reflections').click();
      // The sealing code arrives on demand: the lock, then its announcement, follow shortly.
      await waitFor(() => hasButton(el, 'Lock now') && announced(el) !== '');
      expect(announced(el)).to.equal(
        'Locked in this browser, and open on this page until you lock it again.',
      );
      await expect(el).to.be.accessible();

      for (const id of ['r-1', 'r-2', 'r-3']) {
        const stored = JSON.stringify((await adapter.get('reflections', id))!.value);
        for (const words of ['hosted', 'car', 'shift', 'Ask for help', 'What happened'])
          expect(stored).to.not.contain(words);
        expect(stored).to.contain('"locked"');
      }
      expect(JSON.stringify((await adapter.get('reflections', 'r-ben'))!.value)).to.contain(
        'Ben’s own words.',
      );
      // Still readable on this page while the lock is open.
      expect(visible(el, 'summary')).to.not.equal('');

      await click(el, 'Lock now');
      expect(text(focused(el))).to.equal(
        'Your reflections are locked. New ones are locked too as you save them.',
      );
      expect(announced(el)).to.equal(text(focused(el)));
      expect(visible(el, '[part~="entries"]')).to.contain('Locked reflection');
      expect(visible(el, '[part~="entries"]')).to.contain('Open the lock to download your reflections.');
      await expect(el).to.be.accessible();

      await type(el, 'Passphrase', 'loud river stones');
      button(el, 'Open').click();
      await waitFor(() => visible(el, '.lock [role="status"]').includes('didn’t open'));
      expect(visible(el, '.lock [role="status"]')).to.equal(
        'That passphrase didn’t open them. Nothing has changed; please try again.',
      );
      expect(el.shadowRoot!.querySelectorAll('details')).to.have.length(0);
      expect(
        (await adapter.list('reflections')).filter((r) => JSON.stringify(r.value).includes('"locked"')),
      ).to.have.length(3);

      await type(el, 'Passphrase', 'quiet river stones');
      button(el, 'Open').click();
      await waitFor(() => el.shadowRoot!.querySelectorAll('details').length === 2);
      const markdown = await download(el, 'Download all as Markdown');
      expect(markdown.body).to.contain('I hosted every Sunday.');
      expect(markdown.body).to.contain('I covered a shift.');
    });

    it('saves a new reflection next to locked ones, sealed, without asking for the passphrase', async () => {
      const adapter = await seeded();
      const first = await mount(
        adapter,
        html`<tend-reflection-prompt post="my-post"></tend-reflection-prompt>`,
      );
      await openEntries(first);
      await lockWith(first, 'quiet river stones');
      first.closest('tend-provider')!.remove();

      // A new visit: the lock is closed.
      const el = await mount(
        adapter,
        html`<tend-reflection-prompt post="my-post" layout="list"></tend-reflection-prompt>`,
      );
      await type(el, 'What happened?', 'Another quiet thing.');
      await click(el, 'Save my reflection');
      await waitFor(() => visible(el).includes('Saved, and locked.'));
      expect(visible(el, '[part~="step"]')).to.contain('open the lock there with your passphrase');
      expect(hasButton(el, 'Save it without the lock')).to.equal(false);
      await expect(el).to.be.accessible();
      const mine = (await adapter.list<ReflectionEntry>('reflections')).filter(
        (r) => r.value.authorId === 'ana',
      );
      expect(mine).to.have.length(4);
      expect(mine.every((r) => r.value.locked?.v === 2)).to.equal(true);
      expect(JSON.stringify(mine)).to.not.contain('Another quiet thing.');
    });

    it('keeps a draft locked while the lock is open, and opens it after the passphrase', async () => {
      const adapter = await seeded();
      const first = await mount(
        adapter,
        html`<tend-reflection-prompt post="my-post"></tend-reflection-prompt>`,
      );
      await openEntries(first);
      await lockWith(first, 'quiet river stones');
      await click(first, 'Back to the reflection');
      await type(first, 'What happened?', 'Half a thought about my mother');
      await click(first, 'Next');
      let stored = '';
      while (!stored.includes('"step":1')) {
        stored = JSON.stringify((await adapter.get('reflection-drafts', 'my-post'))?.value ?? {});
        await settle(first);
      }
      expect(stored).to.contain('"locked"');
      expect(stored).to.not.contain('mother');
      first.closest('tend-provider')!.remove();

      const el = await mount(adapter, html`<tend-reflection-prompt post="my-post"></tend-reflection-prompt>`);
      expect(visible(el, '[part~="step"]')).to.contain('Your draft is locked.');
      await expect(el).to.be.accessible();
      await type(el, 'Passphrase', 'quiet river stones');
      button(el, 'Open').click();
      await waitFor(() => hasButton(el, 'Back'));
      expect(visible(el, '[part~="progress"]')).to.equal('Step 2 of 5');
      await click(el, 'Back');
      expect(field(el, 'What happened?').value).to.equal('Half a thought about my mother');
    });

    it('saves new reflections locked while the lock is open, and can remove the lock', async () => {
      const adapter = await seeded();
      const el = await mount(
        adapter,
        html`<tend-reflection-prompt post="my-post" layout="list"></tend-reflection-prompt>`,
      );
      await openEntries(el);
      await lockWith(el, 'quiet river stones');
      await click(el, 'Back to the reflection');
      await type(el, 'What happened?', 'A brand new secret.');
      await click(el, 'Save my reflection');
      await waitFor(() => visible(el).includes('Saved, and locked.'));
      const stored = (await adapter.list<ReflectionEntry>('reflections')).filter(
        (r) => r.value.authorId === 'ana',
      );
      expect(stored).to.have.length(4);
      for (const record of stored) expect(JSON.stringify(record.value)).to.not.contain('secret');

      await click(el, 'Your reflections (4)');
      await click(el, 'Remove the lock');
      await waitFor(() => hasButton(el, 'Lock my reflections'));
      const plain = (await adapter.list<ReflectionEntry>('reflections')).filter(
        (r) => r.value.authorId === 'ana',
      );
      expect(plain.every((r) => !r.value.locked && r.value.answers)).to.equal(true);
      expect(JSON.stringify(plain)).to.contain('A brand new secret.');
    });
  });
});

async function waitFor(done: () => boolean): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > 20000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
