import { expect, html, oneEvent } from '@open-wc/testing';
import { MemoryAdapter } from '../../../src/storage/index.js';
import type { ReflectionEntry } from '../../../src/domain/reflection.js';
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
  tick,
  type,
  visible,
} from './helpers.js';

const NOW = new Date('2026-05-12T09:30:00.000Z');
const clock = () => NOW;

describe('<tend-reflection-prompt> flow', () => {
  it('walks the resentment reflection step by step, saves it, and turns it into an ask', async () => {
    const adapter = new MemoryAdapter({ author: 'ana' });
    const el = await mount(
      adapter,
      html`<tend-reflection-prompt post="my-post" .now=${clock}></tend-reflection-prompt>`,
    );
    expect(visible(el, '[part~="storage-notice"]')).to.contain('Saving only until you close this page');
    expect(visible(el, '[part~="progress"]')).to.equal('Step 1 of 5');
    await expect(el).to.be.accessible();

    await type(el, 'What happened?', 'I drove my neighbour to every appointment.');
    await click(el, 'Next');
    expect(visible(el, '[part~="progress"]')).to.equal('Step 2 of 5');
    expect(text(focused(el))).to.equal('What did I offer or agree to, and did I want to?');
    expect(focused(el)!.localName).to.equal('h3');

    // Back keeps what was written; Skip leaves a step blank.
    await click(el, 'Back');
    expect(field(el, 'What happened?').value).to.equal('I drove my neighbour to every appointment.');
    await click(el, 'Next');
    await click(el, 'Skip this one');
    await type(el, 'What did I need, and not say?', 'A week off, and help from her son.');
    await click(el, 'Next');
    expect(visible(el, '[part~="question"]')).to.contain('Pick any that fit.');
    await tick(el, 'An offer that was too big');
    await tick(el, 'A limit I didn’t name');
    await expect(el).to.be.accessible();
    await click(el, 'Next');
    expect(visible(el, '[part~="progress"]')).to.equal('Step 5 of 5');
    expect(hasButton(el, 'Skip this one')).to.equal(false);
    await type(
      el,
      'Next time, what could I offer, ask or say, and to whom?',
      'Offer Tuesdays only; ask her son.',
    );

    const saved = oneEvent(el, 'tend-reflection-saved');
    button(el, 'Save my reflection').click();
    const event = await saved;
    await settle(el);

    const [record] = await adapter.list<ReflectionEntry>('reflections');
    expect(record!.id).to.equal(event.detail.entryId);
    expect(event.detail).to.deep.equal({ postId: 'my-post', entryId: record!.id });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(record!.value).to.deep.include({
      postId: 'my-post',
      authorId: 'ana',
      promptSet: 'resentment',
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
      answers: {
        happened: 'I drove my neighbour to every appointment.',
        unsaid: 'A week off, and help from her son.',
        pointing: ['offer-too-big', 'limit-unnamed'],
        next: 'Offer Tuesdays only; ask her son.',
      },
    });
    expect(await adapter.list('reflection-drafts')).to.have.length(0);

    expect(text(focused(el))).to.equal('Saved. Thank you for giving this some time.');
    expect(announced(el)).to.equal('Saved. Thank you for giving this some time.');
    // The draft starts from the reader's own step-5 words, as they wrote them: no template around them.
    const draft = field(el, 'Your draft');
    expect(draft.value).to.equal('Offer Tuesdays only; ask her son.');
    expect(visible(el, `#${draft.getAttribute('aria-describedby')!.split(' ')[0]}`)).to.contain(
      'An honest ask often goes: “When …, I felt …, because I need …. Would you be willing to …?”',
    );
    expect(visible(el, '[part~="composer"]')).to.contain('Nothing is sent.');
    expect(visible(el, '[part~="composer"]')).to.not.contain('I need I');
    await type(el, 'Your draft', 'Could you take Thursdays? I need a week off.');
    await click(el, 'Copy the draft');
    // The clipboard may be refused in a headless browser: either way the result is said once.
    expect(['Copied.', 'Couldn’t copy: please select the draft and copy it yourself.']).to.include(
      announced(el),
    );
    await expect(el).to.be.accessible();

    await click(el, 'Start another reflection');
    expect(visible(el, '[part~="progress"]')).to.equal('Step 1 of 5');
    expect(field(el, 'What happened?').value).to.equal('');
    expect(hasButton(el, 'Your reflections (1)')).to.equal(true);
  });

  it('says so plainly at the question when there is nothing to save yet, and marks it', async () => {
    const adapter = new MemoryAdapter({ author: 'ana' });
    const el = await mount(
      adapter,
      html`<tend-reflection-prompt post="p" layout="list"></tend-reflection-prompt>`,
    );
    await click(el, 'Save my reflection');
    // On one page: the first question is marked, says why, and takes focus.
    const first = field(el, 'What happened?');
    expect(first.getAttribute('aria-invalid')).to.equal('true');
    const described = first.getAttribute('aria-describedby')!.split(' ');
    const message = el.shadowRoot!.getElementById(described.at(-1)!)!;
    expect(text(message)).to.equal(
      'There’s nothing to save yet. Write a few words, or pick a choice, first.',
    );
    expect(message.closest('[part~="question"]')).to.equal(first.closest('[part~="question"]'));
    expect(focused(el)).to.equal(first);
    expect(field(el, 'What did I need, and not say?').getAttribute('aria-invalid')).to.equal('false');
    expect(visible(el, '[part~="actions"]')).to.not.contain('nothing to save');
    await expect(el).to.be.accessible();
    expect(await adapter.list('reflections')).to.have.length(0);

    // Writing something clears the mark.
    await type(el, 'What happened?', 'Something small.');
    expect(first.getAttribute('aria-invalid')).to.equal('false');
    expect(visible(el)).to.not.contain('There’s nothing to save yet.');
  });

  it('marks the question on screen when the last step is saved empty', async () => {
    const el = await mount(
      new MemoryAdapter({ author: 'ana' }),
      html`<tend-reflection-prompt post="p" prompt-set="check-in"></tend-reflection-prompt>`,
    );
    await click(el, 'Skip this one');
    await click(el, 'Skip this one');
    await click(el, 'Save my reflection');
    const last = field(el, 'Is there something I could ask for, or let go of?');
    expect(last.getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal(last);
    expect(visible(el, '[part~="question"]')).to.contain('There’s nothing to save yet.');
  });

  it('shows every question on one page with layout="list"', async () => {
    const el = await mount(
      new MemoryAdapter(),
      html`<tend-reflection-prompt post="p" layout="list"></tend-reflection-prompt>`,
    );
    expect(el.shadowRoot!.querySelectorAll('[part~="question"]')).to.have.length(5);
    expect(visible(el)).to.not.contain('Step 1 of 5');
    expect(hasButton(el, 'Next')).to.equal(false);
    expect(hasButton(el, 'Save my reflection')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('ships a shorter check-in set', async () => {
    const adapter = new MemoryAdapter({ author: 'ana' });
    const el = await mount(
      adapter,
      html`<tend-reflection-prompt post="p" prompt-set="check-in"></tend-reflection-prompt>`,
    );
    expect(visible(el, '[part~="progress"]')).to.equal('Step 1 of 3');
    await type(el, 'What’s on my mind right now?', 'Tired but okay.');
    await click(el, 'Next');
    await tick(el, 'Some');
    await tick(el, 'Very little');
    await click(el, 'Next');
    await click(el, 'Save my reflection');
    const [record] = await adapter.list<ReflectionEntry>('reflections');
    expect(record!.value.promptSet).to.equal('check-in');
    expect(record!.value.answers).to.deep.equal({ noticed: 'Tired but okay.', room: ['room-little'] });
  });

  it('takes custom questions from plain HTML children', async () => {
    const adapter = new MemoryAdapter({ author: 'ana' });
    const el = await mount(
      adapter,
      html`<tend-reflection-prompt post="p" layout="list">
        <p data-question="noticed" data-hint="A sentence is plenty.">What did I notice this week?</p>
        <ul data-question="room" data-label="How much room do I have?" data-multiple>
          <li data-choice="lots">Lots</li>
          <li>A little</li>
        </ul>
      </tend-reflection-prompt>`,
    );
    expect(el.shadowRoot!.querySelectorAll('[part~="question"]')).to.have.length(2);
    expect(visible(el)).to.contain('A sentence is plenty.');
    await type(el, 'What did I notice this week?', 'More than I thought.');
    await tick(el, 'Lots');
    await tick(el, 'A little');
    await expect(el).to.be.accessible();
    await click(el, 'Save my reflection');
    const [record] = await adapter.list<ReflectionEntry>('reflections');
    expect(record!.value.promptSet).to.equal('custom');
    expect(record!.value.answers).to.deep.equal({ noticed: 'More than I thought.', room: ['lots', 'c2'] });
    expect(record!.value.questions!.map((q) => q.label)).to.deep.equal([
      'What did I notice this week?',
      'How much room do I have?',
    ]);
  });

  it('takes custom questions from the prompts property, ahead of HTML and the built-in set', async () => {
    const el = await mount(
      new MemoryAdapter(),
      html`<tend-reflection-prompt
        post="p"
        .prompts=${[{ label: 'One thing I’m grateful for' }, { label: 'One thing I’ll ask for' }]}
        ><p data-question>Not this one</p></tend-reflection-prompt
      >`,
    );
    expect(visible(el, '[part~="progress"]')).to.equal('Step 1 of 2');
    expect(field(el, 'One thing I’m grateful for').localName).to.equal('textarea');
    expect(visible(el)).to.not.contain('Not this one');
  });

  it('renders what a reader types as text, never as markup', async () => {
    const adapter = new MemoryAdapter({ author: 'ana' });
    const el = await mount(
      adapter,
      html`<tend-reflection-prompt post="p" layout="list"></tend-reflection-prompt>`,
    );
    const markup = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    await type(el, 'What happened?', markup);
    await click(el, 'Save my reflection');
    await click(el, 'Your reflections (1)');
    el.shadowRoot!.querySelector('details')!.open = true;
    const summary = el.shadowRoot!.querySelector('summary')!;
    expect(summary.textContent).to.contain(markup);
    expect(summary.querySelector('img, b')).to.equal(null);
    const answer = el.shadowRoot!.querySelector('dd')!;
    expect(answer.textContent).to.equal(markup);
    expect(answer.querySelector('img, b')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('speaks Spanish, and shows the blogger’s intro and a quiet crisis link', async () => {
    const el = await mount(
      new MemoryAdapter(),
      html`<tend-reflection-prompt post="p" lang="es" crisis-href="https://example.org/help"
        ><p slot="intro">Mis propias palabras.</p></tend-reflection-prompt
      >`,
    );
    expect(visible(el, '[part~="progress"]')).to.equal('Paso 1 de 5');
    expect(field(el, '¿Qué pasó?').localName).to.equal('textarea');
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="crisis"]')!;
    expect(link.href).to.equal('https://example.org/help');
    expect(text(link)).to.equal('Si estás en crisis, busca ayuda ahora');
    const intro = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="intro"]')!;
    expect(intro.assignedElements()[0]!.textContent).to.equal('Mis propias palabras.');
    await expect(el).to.be.accessible();
  });
});
