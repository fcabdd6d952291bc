/**
 * Raising and following a concern with the keyboard alone, on a real tend-server: every step
 * keeps focus inside the element (the thank-you, the form's first question), never on the
 * page's body, and says each completed action once.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TendConcern } from '../../../src/elements/concern/index.js';
import { MemoryAdapter, type StorageAdapter } from '../../../src/storage/index.js';
import { uniqueCommunity, until } from '../real-server.js';
import { ROSA, announced, button, cardOf, concernOf, field, read, shadow } from './helpers.js';

const focused = (el: TendConcern): Element | null => shadow(el).activeElement;

async function press(el: TendConcern, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

describe('<tend-concern> with the keyboard', () => {
  it('raises an anonymous concern, then opens the form again, focus inside the element', async function () {
    this.timeout(30_000);
    const keys = new MemoryAdapter();
    const rosa = await concernOf(
      uniqueCommunity('concern-keys'),
      ROSA,
      html`<tend-concern .keyStore=${keys as StorageAdapter}></tend-concern>`,
    );
    const form = shadow(rosa);
    field(form, 'I have been asked too often').focus();
    expect(focused(rosa)).to.equal(field(form, 'I have been asked too often'));
    await press(rosa, 'ArrowDown');
    expect(field(form, 'This rotation is too much for the family').checked).to.equal(true);
    await press(rosa, 'Tab');
    expect(focused(rosa)).to.equal(field(form, 'In your own words'));
    await sendKeys({ type: 'Too many dinners.' });
    await press(rosa, 'Tab');
    expect(focused(rosa), 'the chosen visibility').to.equal(field(form, 'The moderators only'));
    await press(rosa, 'ArrowRight');
    expect(field(form, 'Nobody (anonymous)').checked).to.equal(true);
    expect(read(rosa)).to.contain('Nobody learns it was you');
    await press(rosa, 'Tab');
    expect(focused(rosa)).to.equal(button(form, 'Send to the moderators'));
    await press(rosa, 'Enter');
    await until(() => announced(rosa) === 'Thank you for saying this. A moderator will answer here.', 'sent');
    expect(focused(rosa)?.getAttribute('part'), 'focus on the thank-you').to.equal('sent');
    expect(read(cardOf(rosa, 'This rotation is too much for the family'))).to.contain('Too many dinners.');
    expect((await keys.list('concern-keys')).length, 'its key kept on this device').to.equal(1);

    await press(rosa, 'Tab');
    expect(focused(rosa)).to.equal(button(form, 'Raise another concern'));
    await press(rosa, 'Enter');
    expect(focused(rosa)?.id, 'the form opens on its first question').to.equal('kind-legend');
    expect(field(form, 'I have been asked too often').checked, 'a fresh form').to.equal(false);
    // Cancel closes it and brings focus to the heading.
    button(form, 'Cancel').focus();
    await press(rosa, 'Enter');
    expect(focused(rosa)?.id).to.equal('heading');
  });
});
