import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type {
  CapacityChangeDetail,
  TendCapacityCheckIn,
} from '../../../src/elements/capacity-check-in/index.js';
import { checkInId, historyId, type CheckIn } from '../../../src/domain/capacity.js';
import {
  MemoryAdapter,
  QuotaError,
  type StoredRecord,
  type WriteOptions,
} from '../../../src/storage/index.js';
import {
  Clock,
  NOW,
  TONIGHT,
  button,
  click,
  control,
  announced,
  focused,
  message,
  mount,
  openForm,
  root,
  settle,
  status,
  text,
  type,
} from './helpers.js';

const MINE = checkInId('maple', 'me');

async function stored(adapter: MemoryAdapter): Promise<CheckIn | undefined> {
  return (await adapter.get<CheckIn>('check-ins', MINE))?.value;
}

/** Opens the form if needed, picks a level, ticks kinds, types a note and saves, as a person would. */
async function checkIn(
  el: TendCapacityCheckIn,
  level: string,
  kinds: string[] = [],
  note = '',
): Promise<void> {
  await openForm(el);
  await click(el, control(el, level));
  for (const kind of kinds) await click(el, control(el, kind));
  if (note) await type(el, 'A short note (optional)', note);
  await click(el, button(el, 'Save my check-in'));
}

describe('<tend-capacity-check-in>: my check-in', () => {
  it('starts empty, with a labelled level picker, kinds, note and expiry, and is accessible', async () => {
    const el = await mount();
    expect(status(el)).to.equal('You haven’t checked in yet.');
    const legends = [...root(el).querySelectorAll('legend')].map((l) => l.textContent!.trim());
    expect(legends, 'no choice of who sees it on storage nobody else reads').to.deep.equal([
      'How much room do you have right now?',
      'Room for',
      'How long does this hold?',
    ]);
    for (const level of ['Resting', 'A little', 'Some', 'Plenty'])
      expect(control(el, level).type).to.equal('radio');
    for (const kind of ['Listening', 'Practical help', 'Hosting'])
      expect(control(el, kind).type).to.equal('checkbox');
    expect(control(el, 'Until tonight').checked, 'holds until the end of today by default').to.equal(true);
    expect(el.value).to.equal(null);
    expect(root(el).querySelectorAll('button.primary'), 'one primary action').to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('saves a check-in, says so, emits tend-capacity-change and notes the day for my pattern', async () => {
    const adapter = new MemoryAdapter({ community: 'street', author: 'me' });
    const el = await mount({ adapter });
    const changed = oneEvent(el, 'tend-capacity-change');
    await checkIn(el, 'Some', ['Listening'], 'can listen tonight, can’t host');
    const { detail } = (await changed) as CustomEvent<CapacityChangeDetail>;
    expect(detail).to.deep.equal({
      level: 'some',
      kinds: ['listening'],
      note: 'can listen tonight, can’t host',
      expiresAt: TONIGHT.toISOString(),
      visibility: 'just-me',
    });
    expect(await stored(adapter)).to.deep.include({
      personId: 'me',
      personName: 'Mo',
      level: 'some',
      circle: 'maple',
    });
    const day = await adapter.get('check-in-history', historyId('me', '2026-11-03'));
    expect(day?.value).to.deep.equal({ personId: 'me', circle: 'maple', date: '2026-11-03', level: 'some' });
    expect(message(el)).to.equal('Saved. Thank you for saying how you are.');
    expect(announced(el), 'said once, by the live region').to.equal(
      'Saved. Thank you for saying how you are.',
    );
    expect(
      root(el).querySelectorAll('[role="status"], [aria-live]').length,
      'one live region and the storage line',
    ).to.equal(2);
    // Settled: one line and Change, no form.
    expect(status(el)).to.equal('Some room for listening, until tonight.');
    expect(root(el).querySelector('form')).to.equal(null);
    expect(focused(el), 'focus on the line that says where things stand').to.equal(
      root(el).querySelector('[part="status"]'),
    );
    await expect(el).to.be.accessible();
  });

  it('promises nothing this browser’s storage cannot keep: no choice to share, and only you see it', async () => {
    const el = await mount();
    expect(root(el).querySelector('[part="visibility"]'), 'no choice of who sees it').to.equal(null);
    await click(el, control(el, 'Some'));
    expect(el.value!.visibility).to.equal('just-me');
    await click(el, button(el, 'Save my check-in'));
    expect(status(el)).to.equal('Some room, until tonight.');
    expect(text(el)).not.to.match(/totals|shown to the circle|Count me|My circle/);
  });

  it('updates and clears it any time', async () => {
    const adapter = new MemoryAdapter({ community: 'street', author: 'me' });
    const el = await mount({ adapter });
    await checkIn(el, 'Plenty', ['Hosting']);
    expect(status(el)).to.equal('Plenty of room for hosting, until tonight.');
    await click(el, button(el, 'Change'));
    expect(control(el, 'Plenty').checked, 'the form shows what is saved').to.equal(true);
    expect(control(el, 'Hosting').checked).to.equal(true);
    expect(focused(el), 'focus on the first question').to.equal(root(el).querySelector('legend'));
    await click(el, control(el, 'Until tomorrow night'));
    await checkIn(el, 'A little');
    const updated = await adapter.get<CheckIn>('check-ins', MINE);
    expect(updated!.rev).to.equal(2);
    expect(updated!.value).to.deep.include({
      level: 'a-little',
      kinds: ['hosting'],
      expiresAt: new Date(2026, 10, 5).toISOString(),
    });
    expect(status(el)).to.equal('A little room for hosting, until tomorrow night.');

    const cleared = oneEvent(el, 'tend-capacity-change');
    await click(el, button(el, 'Change'));
    await click(el, button(el, 'Clear my check-in'));
    expect(((await cleared) as CustomEvent<CapacityChangeDetail>).detail).to.deep.include({
      level: null,
      expiresAt: null,
    });
    expect(await stored(adapter)).to.equal(undefined);
    expect(status(el)).to.equal('You haven’t checked in yet.');
    expect(message(el)).to.equal('Cleared. Check in again whenever you like.');
    expect(announced(el)).to.equal('Cleared. Check in again whenever you like.');
    expect(focused(el), 'focus does not fall to the page').to.equal(
      root(el).querySelector('[part="status"]'),
    );
    expect(control(el, 'A little').checked, 'the form starts fresh').to.equal(false);
    expect(root(el).querySelector('[part="clear-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('opens the form with Change and closes it unchanged with Cancel', async () => {
    const adapter = new MemoryAdapter({ community: 'street', author: 'me' });
    const el = await mount({ adapter });
    await checkIn(el, 'Some', ['Listening', 'Practical help'], 'rides only');
    expect(status(el)).to.equal('Some room for listening and practical help, until tonight.');
    await click(el, button(el, 'Change'));
    expect(root(el).querySelector('[part="status"]'), 'the form says it all').to.equal(null);
    expect(control(el, 'A short note (optional)').value).to.equal('rides only');
    await click(el, control(el, 'Resting'));
    await type(el, 'A short note (optional)', 'early night');
    await click(el, button(el, 'Cancel'));
    expect(status(el)).to.equal('Some room for listening and practical help, until tonight.');
    expect(announced(el)).to.equal('Nothing changed.');
    expect(focused(el)).to.equal(root(el).querySelector('[part="status"]'));
    expect((await stored(adapter))!.level).to.equal('some');
    await click(el, button(el, 'Change'));
    expect(control(el, 'Some').checked, 'the unsaved edit is gone').to.equal(true);
    expect(control(el, 'A short note (optional)').value).to.equal('rides only');
    expect(root(el).querySelectorAll('button.primary'), 'one primary action').to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('asks for a level before saving, and for a day within a month', async () => {
    const adapter = new MemoryAdapter({ community: 'street', author: 'me' });
    const el = await mount({ adapter });
    await click(el, button(el, 'Save my check-in'));
    // The question says what to do, is marked, and has focus.
    const levelError = root(el).getElementById('level-error')!;
    expect(levelError.textContent!.trim()).to.equal('Choose how much room you have, then save.');
    expect(root(el).querySelector('[part="level-picker"]')!.getAttribute('aria-describedby')).to.contain(
      'level-error',
    );
    expect(control(el, 'Plenty').getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal(control(el, 'Resting'));
    await expect(el).to.be.accessible();
    await click(el, control(el, 'Resting'));
    expect(levelError.textContent!.trim(), 'answered').to.equal('');
    expect(control(el, 'Plenty').getAttribute('aria-invalid')).to.equal('false');
    await click(el, control(el, 'Until a day I choose'));
    await type(el, 'Last day', '2026-11-01');
    await click(el, button(el, 'Save my check-in'));
    const date = control(el, 'Last day');
    expect(date.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).getElementById(date.getAttribute('aria-describedby')!)!.textContent!.trim()).to.equal(
      'Choose a day from today up to a month ahead.',
    );
    expect(focused(el)).to.equal(date);
    expect(await stored(adapter)).to.equal(undefined);
    await expect(el).to.be.accessible();
    await type(el, 'Last day', '2026-11-12');
    await click(el, button(el, 'Save my check-in'));
    expect((await stored(adapter))!.expiresAt).to.equal(new Date(2026, 10, 13).toISOString());
    expect(status(el)).to.match(/^Resting, through .*12.*\.$/);
    await click(el, button(el, 'Change'));
    expect(control(el, 'Until a day I choose').checked).to.equal(true);
    expect(control(el, 'Last day').value).to.equal('2026-11-12');
  });

  it('stops counting an ended check-in by itself, by the clock', async () => {
    const clock = new Clock();
    const el = await mount({ clock });
    await checkIn(el, 'Some');
    expect(status(el)).to.match(/^Some room/);
    clock.time = new Date(2026, 10, 4, 0, 1);
    el.requestUpdate();
    await settle(el);
    expect(status(el)).to.equal(
      'Your last check-in has ended, so it no longer counts. Check in again whenever you like.',
    );
    expect(control(el, 'Some').checked, 'an ended check-in is not the starting point').to.equal(false);
    expect(el.value).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps the draft and says so plainly when saving fails', async () => {
    class FullAdapter extends MemoryAdapter {
      override put<T>(
        collection: string,
        id: string,
        value: T,
        options?: WriteOptions,
      ): Promise<StoredRecord<T>> {
        if (collection === 'check-ins') return Promise.reject(new QuotaError('full'));
        return super.put(collection, id, value, options);
      }
    }
    const el = await mount({ adapter: new FullAdapter({ community: 'street', author: 'me' }) });
    await checkIn(el, 'Plenty', ['Listening'], 'around all evening');
    const full =
      'This browser’s storage is full, so your last change isn’t saved yet. Your words are still here.';
    expect(text(el, 'storage-notice')).to.contain(full);
    expect(
      root(el).querySelector('form .message.error')!.textContent!.trim(),
      'also beside the action it stopped',
    ).to.equal(full);
    expect(control(el, 'Plenty').checked).to.equal(true);
    expect(control(el, 'Listening').checked).to.equal(true);
    expect(control(el, 'A short note (optional)').value).to.equal('around all evening');
    expect(status(el)).to.equal('You haven’t checked in yet.');
    await expect(el).to.be.accessible();
  });

  it('moves through the level picker with arrow keys, like any radio group', async () => {
    const el = await mount();
    control(el, 'Resting').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(control(el, 'A little').checked).to.equal(true);
    expect(root(el).activeElement).to.equal(control(el, 'A little'));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(control(el, 'Plenty').checked).to.equal(true);
    expect(el.value?.level).to.equal('plenty');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.value?.level).to.equal('some');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement, 'Tab leaves the group for the kinds').to.equal(control(el, 'Listening'));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.value?.kinds).to.deep.equal(['listening']);
  });

  it('takes part in a form: name, value, reset and disabled', async () => {
    const adapter = new MemoryAdapter({ community: 'street', author: 'me' });
    const form = await fixture<HTMLFormElement>(html`
      <form>
        <tend-provider .adapter=${adapter} user-id="me">
          <tend-capacity-check-in name="capacity" circle="maple" .now=${() => NOW}></tend-capacity-check-in>
        </tend-provider>
        <fieldset><button>Send</button></fieldset>
      </form>
    `);
    const el = form.querySelector('tend-capacity-check-in')!;
    await settle(el);
    expect(new FormData(form).get('capacity'), 'nothing until a level is chosen').to.equal(null);
    await click(el, control(el, 'Some'));
    await click(el, control(el, 'Practical help'));
    await type(el, 'A short note (optional)', 'rides only');
    expect(JSON.parse(new FormData(form).get('capacity') as string)).to.deep.equal({
      level: 'some',
      kinds: ['practical'],
      note: 'rides only',
      expiresAt: TONIGHT.toISOString(),
      visibility: 'just-me',
    });
    form.reset();
    await settle(el);
    expect(control(el, 'Some').checked).to.equal(false);
    expect(new FormData(form).get('capacity')).to.equal(null);

    const fieldset = document.createElement('fieldset');
    form.prepend(fieldset);
    fieldset.append(form.querySelector('tend-provider')!);
    fieldset.disabled = true;
    await settle(el);
    expect(control(el, 'Some').matches(':disabled')).to.equal(true);
    expect(control(el, 'A short note (optional)').matches(':disabled')).to.equal(true);
    expect(button(el, 'Save my check-in').matches(':disabled')).to.equal(true);
    await expect(el).to.be.accessible();
    fieldset.disabled = false;
    await settle(el);
    expect(control(el, 'Some').matches(':disabled')).to.equal(false);
  });

  it('speaks Spanish', async () => {
    const el = await mount({ lang: 'es' });
    expect(root(el).querySelector('legend')!.textContent).to.equal('¿Cuánto margen tienes ahora mismo?');
    expect(control(el, 'Descansando').type).to.equal('radio');
    expect(text(el, 'local-only')).to.equal(
      'En un sitio compartido de tu comunidad, también podrías ver quién tiene margen y dejar que otras personas vean el tuyo.',
    );
    await click(el, control(el, 'Algo'));
    await click(el, control(el, 'Escuchar'));
    await click(el, button(el, 'Guardar'));
    expect(status(el)).to.equal('Algo de margen para escuchar, hasta esta noche.');
    expect(button(el, 'Cambiar').getAttribute('part')).to.equal('change-button');
    await expect(el).to.be.accessible();
  });

  it('without a circle, keeps the check-in just for me and shows no circle', async () => {
    const adapter = new MemoryAdapter({ community: 'street', author: 'me' });
    const el = await mount({ adapter, circle: '' });
    expect(root(el).querySelector('[part="circle"]')).to.equal(null);
    expect(root(el).querySelector('[part="visibility"]')).to.equal(null);
    expect(root(el).querySelector('slot[name="local-only"]'), 'no circle, nothing to add').to.equal(null);
    await checkIn(el, 'Some');
    expect((await adapter.get<CheckIn>('check-ins', checkInId('', 'me')))!.value).to.deep.include({
      circle: '',
      visibility: 'just-me',
    });
    await expect(el).to.be.accessible();
  });
});
