/**
 * The reflection with the keyboard alone: Tab, Enter, arrows and typing, as a person without a
 * mouse moves through it. After every step focus is still inside the element (never the page's
 * body), on the control or heading the next step starts from.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter } from '../../../src/storage/index.js';
import type { TendReflectionPrompt } from '../../../src/elements/reflection-prompt/index.js';
import { announced, field, focused, mount, settle, text } from './helpers.js';

/** What a person hears for the focused control: a field's label, else its words. */
function nameOf(node: Element | null): string {
  if (!node) return '';
  const labels = (node as HTMLInputElement).labels;
  return labels?.length ? text(labels[0]!) : text(node);
}

/** Focus is inside the element: the page's active element is the element, and something in it has focus. */
function expectInside(el: TendReflectionPrompt, where: string): void {
  expect(document.activeElement, `${where}: the page's focus`).to.equal(el);
  expect(focused(el), `${where}: focus inside the element`).to.not.equal(null);
}

/** Presses Tab (Shift+Tab with `back`) until the control named `name` has focus, never leaving the element on the way. */
async function tabTo(el: TendReflectionPrompt, name: string, back = false): Promise<void> {
  const seen: string[] = [];
  if (back) await sendKeys({ down: 'Shift' });
  try {
    for (let i = 0; i < 30; i++) {
      await sendKeys({ press: 'Tab' });
      expectInside(el, `tabbing to "${name}" (after ${seen.join(' → ')})`);
      const here = nameOf(focused(el));
      if (here === name) return;
      seen.push(here);
    }
  } finally {
    if (back) await sendKeys({ up: 'Shift' });
  }
  throw new Error(`"${name}" was not reached by Tab: ${seen.join(' → ')}`);
}

async function press(el: TendReflectionPrompt, key: string): Promise<void> {
  await sendKeys({ press: key });
  await settle(el);
}

describe('<tend-reflection-prompt> with the keyboard', function () {
  // Making and opening a lock derives a key from the passphrase (600,000 PBKDF2 rounds), twice.
  this.timeout(60000);

  it('moves through a reflection, the saved list, the lock and a delete without losing focus', async () => {
    const adapter = new MemoryAdapter({ author: 'ana' });
    const el = await mount(
      adapter,
      html`<tend-reflection-prompt post="p" prompt-set="check-in"></tend-reflection-prompt>`,
    );

    // Step 1: type, then Next with Enter. The button goes; the next step's heading has focus.
    field(el, 'What’s on my mind right now?').focus();
    await sendKeys({ type: 'Tired but okay.' });
    await tabTo(el, 'Next');
    await press(el, 'Enter');
    expectInside(el, 'after Next');
    expect(text(focused(el))).to.equal('How much room do I have this week?');

    // Step 2: a choice with the arrow keys.
    await tabTo(el, 'Plenty');
    await press(el, 'ArrowDown');
    expect(field<HTMLInputElement>(el, 'Some').checked).to.equal(true);
    await tabTo(el, 'Next');
    await press(el, 'Enter');
    expect(text(focused(el))).to.equal('Is there something I could ask for, or let go of?');

    // Step 3: save with Enter; focus on what happened, said once.
    await tabTo(el, 'Is there something I could ask for, or let go of?');
    await sendKeys({ type: 'Ask Sam to cook on Fridays.' });
    await tabTo(el, 'Save my reflection');
    await press(el, 'Enter');
    await waitUntil(() => text(focused(el)).startsWith('Saved.'), 'the saved heading has focus');
    expectInside(el, 'after saving');
    expect(announced(el)).to.equal('Saved. Thank you for giving this some time.');
    // The composer starts from the reader's own words.
    await tabTo(el, 'Your draft');
    expect((focused(el) as HTMLTextAreaElement).value).to.equal('Ask Sam to cook on Fridays.');
    await expect(el).to.be.accessible();

    // The saved list.
    await tabTo(el, 'Your reflections (1)');
    await press(el, 'Enter');
    expectInside(el, 'after opening the list');
    expect(text(focused(el))).to.equal('Your reflections');

    // Lock: the form goes, focus goes to what the open lock says.
    await tabTo(el, 'Passphrase');
    await sendKeys({ type: 'quiet river stones' });
    await tabTo(el, 'Passphrase again');
    await sendKeys({ type: 'quiet river stones' });
    await press(el, 'Enter');
    await waitUntil(() => text(focused(el)).startsWith('Locked in this browser'), 'the lock is made', {
      timeout: 30000,
    });
    expectInside(el, 'after locking');
    expect(announced(el)).to.equal(text(focused(el)));

    // Lock now: the button goes, focus goes to what the closed lock says.
    await tabTo(el, 'Lock now');
    await press(el, 'Enter');
    expectInside(el, 'after Lock now');
    expect(text(focused(el))).to.equal(
      'Your reflections are locked. New ones are locked too as you save them.',
    );

    // Open it again with the passphrase and Enter.
    await tabTo(el, 'Passphrase');
    await sendKeys({ type: 'quiet river stones' });
    await press(el, 'Enter');
    await waitUntil(() => text(focused(el)).startsWith('Locked in this browser'), 'the lock opens', {
      timeout: 30000,
    });
    expectInside(el, 'after opening the lock');
    await waitUntil(() => el.shadowRoot!.querySelector('summary'), 'the reflection can be read');

    // Delete it: back up to it, open it, Delete, confirm in the dialog. The list's heading takes focus.
    await tabTo(el, nameOf(el.shadowRoot!.querySelector('summary')), true);
    expect(text(focused(el))).to.contain('Tired but okay.');
    await press(el, 'Enter');
    await tabTo(el, 'Delete');
    await press(el, 'Enter');
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.contains(focused(el))).to.equal(true);
    await tabTo(el, 'Delete');
    await press(el, 'Enter');
    await waitUntil(() => announced(el) === 'Deleted.', 'the delete is said');
    expectInside(el, 'after deleting');
    expect(text(focused(el))).to.equal('Your reflections');
    expect(await adapter.list('reflections')).to.have.length(0);

    // Back to a new reflection.
    await tabTo(el, 'Back to the reflection');
    await press(el, 'Enter');
    expectInside(el, 'after going back');
    expect(text(focused(el))).to.equal('What’s on my mind right now?');
    await expect(el).to.be.accessible();
  });
});
