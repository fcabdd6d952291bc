/**
 * The check-in with the keyboard alone: every flow (check in, change, cancel, clear, a question
 * left unanswered, noting an ask) keeps focus inside the element after each step, never on the
 * page's body, and says each completed action once. And every state is accessible in light and dark.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TendCapacityCheckIn } from '../../../src/elements/capacity-check-in/index.js';
import { MemoryStore } from '../../../src/storage/index.js';
import {
  SharedMemoryAdapter,
  announced,
  button,
  checkIn,
  checkInAs,
  click,
  control,
  focused,
  mount,
  root,
  settle,
  status,
} from './helpers.js';

async function press(el: TendCapacityCheckIn, key: string): Promise<void> {
  await sendKeys({ press: key });
  await settle(el);
}

/** Presses Tab until the control with these words has focus. */
async function tabTo(el: TendCapacityCheckIn, words: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await press(el, 'Tab');
    if (focused(el).textContent!.trim() === words) return;
  }
  throw new Error(`Tab never reached "${words}"`);
}

const statusLine = (el: TendCapacityCheckIn) => root(el).querySelector('[part="status"]');

describe('<tend-capacity-check-in> with the keyboard', () => {
  it('checks in, changes, cancels and clears, focus inside the element after every step', async () => {
    const el = await mount();
    await press(el, 'Tab');
    expect(focused(el), 'the first question first').to.equal(control(el, 'Resting'));
    await press(el, 'ArrowRight');
    await press(el, 'ArrowRight');
    await press(el, 'Tab');
    expect(focused(el)).to.equal(control(el, 'Listening'));
    await press(el, 'Space');
    await tabTo(el, 'Save my check-in');
    await press(el, 'Enter');
    expect(status(el)).to.equal('Some room for listening, until tonight.');
    expect(focused(el), 'saved: focus on the line').to.equal(statusLine(el));
    expect(announced(el)).to.equal('Saved. Thank you for saying how you are.');

    // Change: the form opens on its first question, with what is saved.
    await press(el, 'Tab');
    expect(focused(el)).to.equal(button(el, 'Change'));
    await press(el, 'Enter');
    expect(focused(el)).to.equal(root(el).querySelector('#level-legend'));
    await press(el, 'Tab');
    expect(focused(el), 'the chosen level').to.equal(control(el, 'Some'));
    await press(el, 'ArrowRight');
    await tabTo(el, 'Save my check-in');
    await press(el, 'Enter');
    expect(status(el)).to.equal('Plenty of room for listening, until tonight.');
    expect(focused(el)).to.equal(statusLine(el));

    // Cancel: back to the line, nothing changed.
    await tabTo(el, 'Change');
    await press(el, 'Enter');
    await press(el, 'Tab');
    await press(el, 'ArrowLeft');
    await tabTo(el, 'Cancel');
    await press(el, 'Enter');
    expect(status(el)).to.equal('Plenty of room for listening, until tonight.');
    expect(focused(el)).to.equal(statusLine(el));
    expect(announced(el)).to.equal('Nothing changed.');

    // Clear: the Clear button goes away with the form; focus goes to the line, not the body.
    await tabTo(el, 'Change');
    await press(el, 'Enter');
    await tabTo(el, 'Clear my check-in');
    await press(el, 'Enter');
    expect(status(el)).to.equal('You haven’t checked in yet.');
    expect(focused(el)).to.equal(statusLine(el));
    expect(announced(el)).to.equal('Cleared. Check in again whenever you like.');

    // Saving with no answer: focus on the question that needs one.
    await tabTo(el, 'Save my check-in');
    await press(el, 'Enter');
    expect(focused(el)).to.equal(control(el, 'Resting'));
    expect(control(el, 'Resting').getAttribute('aria-invalid')).to.equal('true');
  });

  it('notes an ask on shared storage, focus staying with the person as the list reorders', async () => {
    const store = new MemoryStore();
    await checkInAs(store, checkIn('ana', 'some'));
    await checkInAs(store, checkIn('ben', 'plenty'));
    const el = await mount({
      adapter: new SharedMemoryAdapter({ store, community: 'street', author: 'me' }),
    });
    await tabTo(el, 'Note that I asked Ben');
    await press(el, 'Enter');
    expect(focused(el)).to.equal(button(el, 'Note that I asked Ben'));
    expect(announced(el)).to.equal('Noted that you asked Ben. Thank you for asking first.');
    const order = [...root(el).querySelectorAll('[part="ask-button"]')].map((b) => b.textContent!.trim());
    expect(order, 'Ben, just asked, moves down').to.deep.equal([
      'Note that I asked Ana',
      'Note that I asked Ben',
    ]);
  });

  for (const theme of ['light', 'dark'] as const)
    it(`is accessible in every state, ${theme}`, async () => {
      const store = new MemoryStore();
      await checkInAs(store, checkIn('ana', 'some', { note: 'home all evening' }));
      const shared = await mount({
        theme,
        adapter: new SharedMemoryAdapter({ store, community: 'street', author: 'me' }),
      });
      await expect(shared, 'shared, no check-in').to.be.accessible();
      await click(shared, button(shared, 'Save my check-in'));
      await expect(shared, 'a question unanswered').to.be.accessible();
      await click(shared, control(shared, 'Some'));
      await click(shared, button(shared, 'Save my check-in'));
      await expect(shared, 'shared, settled').to.be.accessible();
      await click(shared, button(shared, 'Change'));
      await expect(shared, 'shared, changing').to.be.accessible();
      const local = await mount({ theme });
      await expect(local, 'local, no check-in').to.be.accessible();
      await click(local, control(local, 'Resting'));
      await click(local, button(local, 'Save my check-in'));
      await expect(local, 'local, settled').to.be.accessible();
    });
});
