import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { BrowserAdapter, MemoryAdapter, MemoryStore } from '../../../src/storage/index.js';
import type { ReflectionDraft } from '../../../src/domain/reflection.js';
import { defaultAdapter } from '../../../src/provider/default-adapter.js';
import type { TendReflectionPrompt } from '../../../src/elements/reflection-prompt/index.js';
import {
  FullAdapter,
  OperationsAdapter,
  SharedMemoryAdapter,
  button,
  click,
  field,
  mount,
  settle,
  tick,
  type,
  visible,
} from './helpers.js';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('<tend-reflection-prompt> storage', () => {
  it('says plainly that entries stay in this browser', async () => {
    const adapter = new BrowserAdapter({ name: `tend-test-${crypto.randomUUID()}`, author: 'ana' });
    await adapter.ready();
    const provider = await fixture(
      html`<tend-provider .adapter=${adapter}
        ><tend-reflection-prompt post="p"></tend-reflection-prompt
      ></tend-provider>`,
    );
    const el = provider.querySelector<TendReflectionPrompt>('tend-reflection-prompt')!;
    await settle(el);
    expect(visible(el, '[part~="storage-notice"]')).to.equal(
      'Saved only in this browser. Nothing leaves your device.',
    );
    adapter.close();
  });

  it('autosaves the draft as the reader types and brings it back in a new element', async () => {
    const store = new MemoryStore();
    const first = await mount(
      new MemoryAdapter({ store }),
      html`<tend-reflection-prompt post="my-post"></tend-reflection-prompt>`,
    );
    await type(first, 'What happened?', 'She asked again, and I said yes again.');
    await click(first, 'Next');
    await type(first, 'What did I offer or agree to, and did I want to?', 'Every Saturday. Not re');
    // No button pressed: the words are saved after a short pause in typing.
    await waitUntil(async () => {
      const draft = await first
        .closest('tend-provider')!
        .adapter!.get<ReflectionDraft>('reflection-drafts', 'my-post');
      return draft?.value.answers?.['offered'] === 'Every Saturday. Not re';
    }, 'the draft was saved');
    first.closest('tend-provider')!.remove();

    // A reload: a new element on the same storage.
    const again = await mount(
      new MemoryAdapter({ store }),
      html`<tend-reflection-prompt post="my-post"></tend-reflection-prompt>`,
    );
    expect(visible(again, '[part~="progress"]')).to.equal('Step 2 of 5');
    expect(field(again, 'What did I offer or agree to, and did I want to?').value).to.equal(
      'Every Saturday. Not re',
    );
    expect(visible(again, '[part~="step"]')).to.contain('Your draft was kept');
    await click(again, 'Back');
    expect(field(again, 'What happened?').value).to.equal('She asked again, and I said yes again.');
    await expect(again).to.be.accessible();
  });

  it('never replaces what the reader is typing with an older draft when storage is slow to open', async () => {
    const store = new MemoryStore();
    await new MemoryAdapter({ store, author: 'ana' }).put('reflection-drafts', 'p', {
      postId: 'p',
      authorId: 'ana',
      step: 0,
      answers: { happened: 'an old draft' },
      updatedAt: new Date().toISOString(),
    });
    let open: () => void = () => {};
    const opened = new Promise<void>((resolve) => (open = resolve));
    class SlowAdapter extends MemoryAdapter {
      override async list<T>(collection: string) {
        await opened;
        return super.list<T>(collection);
      }
    }
    const provider = await fixture(
      html`<tend-provider .adapter=${new SlowAdapter({ store })} user-id="ana"
        ><tend-reflection-prompt post="p"></tend-reflection-prompt
      ></tend-provider>`,
    );
    const el = provider.querySelector<TendReflectionPrompt>('tend-reflection-prompt')!;
    await el.updateComplete;
    await type(el, 'What happened?', 'typed while storage opened');
    open();
    await settle(el);
    expect(field(el, 'What happened?').value).to.equal('typed while storage opened');
  });

  it('says right by Save when saving fails, with what to do, and keeps the words', async () => {
    const adapter = new FullAdapter();
    const el = await mount(
      adapter,
      html`<tend-reflection-prompt post="p" layout="list"></tend-reflection-prompt>`,
    );
    const problem = () => visible(el, '[part~="step"] .message.error');
    await type(el, 'What happened?', 'I cancelled on my sister.');
    await waitUntil(() => problem().length > 0, 'the problem is said', { timeout: 5000 });
    expect(problem()).to.equal(
      'This browser’s storage is full, so your last change isn’t saved yet. Your words are still here. To make room, download your reflections and delete some you no longer need, then save again.',
    );
    // Right after the row with Save, announced as an alert; not under "saved in this browser".
    const message = el.shadowRoot!.querySelector('[part~="step"] .message.error')!;
    expect(message.getAttribute('role')).to.equal('alert');
    expect(message.previousElementSibling!.contains(button(el, 'Save my reflection'))).to.equal(true);
    expect(el.shadowRoot!.querySelector('[part~="storage-notice"]')).to.equal(null);
    await click(el, 'Save my reflection');
    expect(field(el, 'What happened?').value).to.equal('I cancelled on my sister.');
    expect(await adapter.list('reflections')).to.have.length(0);
    expect(problem()).to.contain('To make room');
    await expect(el).to.be.accessible();

    // Room again: the next save works, the message goes and the storage line is back.
    adapter.full = false;
    await click(el, 'Save my reflection');
    expect(await adapter.list('reflections')).to.have.length(1);
    expect(visible(el, '.message.error')).to.equal('');
    expect(visible(el, '[part~="storage-notice"]')).to.contain('Saving only until you close this page');
  });

  it('says when storage only lasts until the page closes', async () => {
    const el = await mount(
      new MemoryAdapter(),
      html`<tend-reflection-prompt post="p"></tend-reflection-prompt>`,
    );
    expect(visible(el, '[part~="storage-notice"]')).to.equal(
      'Saving only until you close this page: this browser is not letting us keep anything.',
    );
  });

  describe('the anonymous share count', () => {
    const community = `share-${crypto.randomUUID()}`;

    afterEach(async () => {
      // Entries went to this browser's real storage: leave it as we found it.
      const local = defaultAdapter(community);
      for (const collection of ['reflections', 'reflection-drafts', 'reflection-counted'])
        for (const record of await local.list(collection)) await local.remove(collection, record.id);
    });

    const OPT_IN = 'Add one anonymous count to “readers reflected here”. Your words stay on this device.';
    const COUNTED = 'You’ve added your anonymous count for this post. Thank you.';
    /** "N readers reflected here." as shown, not the opt-in's own words. */
    const FIGURE = /\d+ readers? reflected here\./;

    it('sends one count, and no words or reader, only when the reader opts in; once per post', async () => {
      const shared = new OperationsAdapter({ community, author: 'ana' });
      const el = await mount(
        shared,
        html`<tend-reflection-prompt post="my-post" share="count" layout="list"></tend-reflection-prompt>`,
      );
      const optIn = field<HTMLInputElement>(el, OPT_IN);
      expect(optIn.checked).to.equal(false);
      await expect(el).to.be.accessible();

      await type(el, 'What happened?', 'A private thing about my brother.');
      await tick(el, OPT_IN);
      await click(el, 'Save my reflection');
      await waitUntil(() => shared.operations.length > 0, 'the count was sent');
      await settle(el);

      // One named operation on the post's one count record: no words, no reader, no time.
      expect(shared.operations).to.have.length(1);
      const [sent] = shared.operations;
      expect(sent!.collection).to.equal('reflection-counts');
      expect(sent!.id).to.equal('my-post');
      expect(sent!.operation).to.deep.equal({ type: 'count', postId: 'my-post' });
      expect(JSON.stringify(sent)).to.not.contain('brother');
      expect(JSON.stringify(sent)).to.not.contain('ana');
      expect(shared.received.map((w) => w.collection)).to.deep.equal(['reflection-counts']);
      // One reader is not a figure to show.
      expect(visible(el)).to.not.match(FIGURE);

      // The entry, and "I added my count here", stayed in this browser.
      const local = defaultAdapter(community);
      const [entry] = await local.list('reflections');
      expect(JSON.stringify(entry!.value)).to.contain('brother');
      expect((await local.list('reflection-counted')).map((r) => r.value)).to.deep.equal([
        { postId: 'my-post', authorId: 'ana' },
      ]);
      expect(await shared.list('reflections')).to.have.length(0);
      expect(await shared.list('reflection-counted')).to.have.length(0);

      // Another reflection on the same post: the box says the count is in, and nothing more is sent.
      await click(el, 'Start another reflection');
      const counted = field<HTMLInputElement>(el, COUNTED);
      expect(counted.checked && counted.disabled).to.equal(true);
      await expect(el).to.be.accessible();
      await type(el, 'What happened?', 'Another thing.');
      await click(el, 'Save my reflection');
      await later(50);
      expect(shared.operations).to.have.length(1);
    });

    it('remembers the count across visits, and applies it locally on shared storage without operations', async () => {
      const shared = new SharedMemoryAdapter({ community, author: 'ana' });
      const el = await mount(
        shared,
        html`<tend-reflection-prompt post="my-post" share="count" layout="list"></tend-reflection-prompt>`,
      );
      await type(el, 'What happened?', 'Something.');
      await tick(el, OPT_IN);
      await click(el, 'Save my reflection');
      await waitUntil(() => shared.received.length > 0, 'the count was written');
      expect(shared.received).to.deep.equal([
        { collection: 'reflection-counts', id: 'my-post', value: { postId: 'my-post', count: 1 } },
      ]);
      el.closest('tend-provider')!.remove();

      const again = await mount(
        shared,
        html`<tend-reflection-prompt post="my-post" share="count" layout="list"></tend-reflection-prompt>`,
      );
      await waitUntil(() => visible(again).includes(COUNTED), 'the box says the count is in');
      expect(visible(again)).to.not.contain(OPT_IN);
      // Another post: the reader may add a count there.
      const other = await mount(
        shared,
        html`<tend-reflection-prompt post="other-post" share="count" layout="list"></tend-reflection-prompt>`,
      );
      expect(field<HTMLInputElement>(other, OPT_IN).checked).to.equal(false);
    });

    it('shows "N readers reflected here" from the post’s one count record, only from three readers', async () => {
      const shared = new SharedMemoryAdapter({ community, author: 'ana' });
      await shared.put('reflection-counts', 'my-post', { postId: 'my-post', count: 2 });
      await shared.put('reflection-counts', 'other-post', { postId: 'other-post', count: 9 });
      const el = await mount(
        shared,
        html`<tend-reflection-prompt post="my-post" share="count" layout="list"></tend-reflection-prompt>`,
      );
      expect(visible(el)).to.not.match(FIGURE);
      await shared.put('reflection-counts', 'my-post', { postId: 'my-post', count: 3 }, { expectedRev: 1 });
      await settle(el);
      expect(visible(el)).to.contain('3 readers reflected here.');
      await expect(el).to.be.accessible();
      // Records of the old per-reader shape are not counted.
      await shared.put('reflection-counts', 'my-post~k1', {
        postId: 'my-post',
        at: new Date().toISOString(),
      });
      await settle(el);
      expect(visible(el)).to.contain('3 readers reflected here.');
    });

    it('sends nothing when the reader leaves the box unticked', async () => {
      const shared = new SharedMemoryAdapter({ community, author: 'ana' });
      const el = await mount(
        shared,
        html`<tend-reflection-prompt post="my-post" share="count" layout="list"></tend-reflection-prompt>`,
      );
      await type(el, 'What happened?', 'Nothing to share.');
      await click(el, 'Save my reflection');
      await later(50);
      expect(shared.received).to.deep.equal([]);
    });

    it('offers no count without share="count", or on storage that is not shared', async () => {
      const shared = new SharedMemoryAdapter({ community });
      const quiet = await mount(
        shared,
        html`<tend-reflection-prompt post="p" layout="list"></tend-reflection-prompt>`,
      );
      expect(visible(quiet)).to.not.contain('anonymous count');
      const local = await mount(
        new MemoryAdapter(),
        html`<tend-reflection-prompt post="p" share="count" layout="list"></tend-reflection-prompt>`,
      );
      expect(visible(local)).to.not.contain('anonymous count');
    });
  });
});
