import { expect } from '@open-wc/testing';
import { checkInId, type Ask, type CheckIn } from '../../../src/domain/capacity.js';
import { MemoryAdapter, MemoryStore } from '../../../src/storage/index.js';
import {
  Clock,
  NOW,
  SharedMemoryAdapter,
  announced,
  button,
  checkIn,
  checkInAs,
  click,
  control,
  mount,
  root,
  settle,
  status,
  text,
} from './helpers.js';
import type { TendCapacityCheckIn } from '../../../src/elements/capacity-check-in/index.js';

/** The kinds list of the circle at a glance, one line a kind. */
const kindLines = (el: TendCapacityCheckIn): string[] =>
  [...root(el).querySelectorAll('[part="circle"] li')].map((li) =>
    li.textContent!.replace(/\s+/g, ' ').trim(),
  );

const askNames = (el: TendCapacityCheckIn): string[] =>
  [...root(el).querySelectorAll('[part="ask-button"]')].map((b) => b.textContent!.trim());

/** A busy circle on one store, each person writing through their own adapter. */
async function busyCircle(store: MemoryStore): Promise<void> {
  await checkInAs(store, checkIn('ana', 'plenty', { note: 'home all evening' }));
  await checkInAs(store, checkIn('ben', 'some', { kinds: ['listening'] }));
  await checkInAs(
    store,
    checkIn('cy', 'a-little', { visibility: 'counted', personName: 'Cyrus Secret', note: 'private note' }),
  );
  await checkInAs(store, checkIn('dee', 'resting', { personName: 'Dee' }));
  await checkInAs(
    store,
    checkIn('eve', 'plenty', { visibility: 'just-me', personName: 'Evelyn Hidden', note: 'just mine' }),
  );
  await checkInAs(store, checkIn('fay', 'plenty', { personName: 'Fay Ended', expiresAt: NOW.toISOString() }));
  await checkInAs(store, checkIn('gus', 'plenty', { personName: 'Gus Elsewhere', circle: 'oak' }));
}

describe('<tend-capacity-check-in>: the circle', () => {
  it('defaults to just me on shared storage, and says what stays with the person', async () => {
    const el = await mount({ adapter: new SharedMemoryAdapter({ community: 'street', author: 'me' }) });
    expect(control(el, 'Just me').checked).to.equal(true);
    expect(text(el, 'visibility')).to.contain('Only you can see it.');
    await click(el, control(el, 'Some'));
    expect(el.value!.visibility).to.equal('just-me');
    await click(el, control(el, 'Count me, don’t name me'));
    expect(text(el, 'visibility')).to.contain(
      'Added into the circle’s totals once enough people are counted, without your name or note.',
    );
    await click(el, control(el, 'My circle'));
    expect(text(el, 'visibility')).to.contain('Your name, room and note are shown to the circle.');
    await expect(el).to.be.accessible();
  });

  it('takes the site’s default-visibility on shared storage, and only a known one', async () => {
    const shared = () => new SharedMemoryAdapter({ community: 'street', author: 'me' });
    const circle = await mount({ adapter: shared(), defaultVisibility: 'circle' });
    expect(control(circle, 'My circle').checked).to.equal(true);
    await click(circle, control(circle, 'Some'));
    expect(circle.value!.visibility).to.equal('circle');
    const counted = await mount({ adapter: shared(), defaultVisibility: 'counted' });
    expect(control(counted, 'Count me, don’t name me').checked).to.equal(true);
    const odd = await mount({ adapter: shared(), defaultVisibility: 'everyone' });
    expect(control(odd, 'Just me').checked).to.equal(true);
    // On storage nobody else reads, there is no choice, and a site's default shares nothing either.
    const local = await mount({ defaultVisibility: 'circle' });
    expect(root(local).querySelector('[part="visibility"]')).to.equal(null);
    await click(local, control(local, 'Some'));
    expect(local.value!.visibility).to.equal('just-me');
  });

  it('shows who has room per kind, never naming counted-only people, and hides small totals', async () => {
    const store = new MemoryStore();
    await busyCircle(store);
    const el = await mount({
      adapter: new SharedMemoryAdapter({ store, community: 'street', author: 'me' }),
    });
    // Two named and one counted-only: the one counted-only person is in no figure and no "more".
    expect(text(el, 'summary')).to.equal(
      'Numbers show once 3 or more people have room, so nobody is singled out.',
    );
    expect(kindLines(el)).to.deep.equal([
      'Listening: Ana and Ben',
      'Practical help: Ana',
      'Hosting: No one named yet',
    ]);
    const all = text(el);
    for (const hidden of ['Cyrus', 'private note', 'Evelyn', 'just mine', 'Fay', 'Gus', 'Dee', 'not named'])
      expect(all, `${hidden} must not show`).not.to.contain(hidden);
    await expect(el).to.be.accessible();
    // Counted-only people enter the figures as a group of at least min-group, never one by one.
    for (const id of ['cal', 'cat'])
      await checkInAs(store, checkIn(id, 'a-little', { visibility: 'counted', personName: 'Hidden' }));
    await settle(el);
    expect(text(el, 'summary')).to.equal('5 people have room right now.');
    expect(kindLines(el)).to.deep.equal([
      'Listening: 5 people · Ana, Ben, and 3 more (not named)',
      'Practical help: 4 people · Ana and 3 more (not named)',
      'Hosting: No one named yet',
    ]);
    expect(text(el)).not.to.contain('Hidden');
  });

  it('speaks Spanish: counts by its plural rules, «» around notes, and an ask button that says what it does', async () => {
    const store = new MemoryStore();
    await busyCircle(store);
    for (const id of ['cal', 'cat'])
      await checkInAs(store, checkIn(id, 'a-little', { visibility: 'counted', personName: 'Hidden' }));
    const el = await mount({
      adapter: new SharedMemoryAdapter({ store, community: 'street', author: 'me' }),
      lang: 'es',
    });
    expect(text(el, 'summary')).to.equal('5 personas tienen margen ahora.');
    expect(kindLines(el)).to.deep.equal([
      'Escuchar: 5 personas · Ana, Ben y 3 más (sin nombre)',
      'Ayuda práctica: 4 personas · Ana y 3 más (sin nombre)',
      'Acoger: Nadie con nombre aún',
    ]);
    expect(askNames(el)).to.deep.equal(['Anotar que se lo pedí a Ana', 'Anotar que se lo pedí a Ben']);
    expect(text(el, 'ask')).to.contain('«home all evening»');
    expect(text(el, 'ask')).not.to.match(/[“”]/);
    await click(el, button(el, 'Anotar que se lo pedí a Ben'));
    expect(text(el, 'ask')).to.contain('Se lo pediste hace un momento.');
    expect(announced(el)).to.equal('Anotado: se lo pediste a Ben. Gracias por preguntar antes.');
    await expect(el).to.be.accessible();
  });

  it('shows no number at all below min-group, whatever the count', async () => {
    const store = new MemoryStore();
    await checkInAs(store, checkIn('cy', 'some', { visibility: 'counted' }));
    const el = await mount({
      adapter: new SharedMemoryAdapter({ store, community: 'street', author: 'me' }),
    });
    const withOne = [text(el, 'summary'), ...kindLines(el)];
    expect(withOne[0]).to.equal('Numbers show once 3 or more people have room, so nobody is singled out.');
    expect(withOne.join()).not.to.match(/\d(?! or more)/);
    // Nobody at all reads the same as one counted-only person: the number can't single anyone out.
    const empty = await mount({ adapter: new SharedMemoryAdapter({ community: 'street', author: 'me' }) });
    expect([text(empty, 'summary'), ...kindLines(empty)]).to.deep.equal(withOne);
    await expect(empty).to.be.accessible();
    const odd = await mount({
      adapter: new SharedMemoryAdapter({ store, community: 'street', author: 'me' }),
    });
    odd.setAttribute('min-group', 'many');
    await settle(odd);
    expect(text(odd, 'summary'), 'a min-group that is not a number keeps the default').to.equal(withOne[0]);
    const lowered = await mount({
      adapter: new SharedMemoryAdapter({ store, community: 'street', author: 'me' }),
      minGroup: 1,
    });
    expect(text(lowered, 'summary'), 'a min-group below 3 counts as 3').to.equal(withOne[0]);
    const raised = await mount({
      adapter: new SharedMemoryAdapter({ store, community: 'street', author: 'me' }),
      minGroup: 5,
    });
    expect(text(raised, 'summary')).to.equal(
      'Numbers show once 5 or more people have room, so nobody is singled out.',
    );
  });

  it('counts my own check-in by the same rules, and says when it is just for me', async () => {
    const store = new MemoryStore();
    await busyCircle(store);
    const el = await mount({
      adapter: new SharedMemoryAdapter({ store, community: 'street', author: 'me' }),
    });
    await click(el, control(el, 'Some'));
    await click(el, control(el, 'Hosting'));
    // Saved as it starts (just me): not part of the circle's view.
    await click(el, button(el, 'Save my check-in'));
    expect(text(el, 'status')).to.equal('Some room for hosting, until tonight. Only you can see it.');
    expect(kindLines(el)[2]).to.equal('Hosting: No one named yet');
    expect(text(el, 'summary')).to.equal(
      'Numbers show once 3 or more people have room, so nobody is singled out.',
    );
    await click(el, button(el, 'Change'));
    await click(el, control(el, 'My circle'));
    await click(el, button(el, 'Save my check-in'));
    expect(text(el, 'status')).to.contain('Your name, room and note are shown to the circle.');
    expect(kindLines(el)[2]).to.equal('Hosting: You');
    expect(text(el, 'summary'), 'Ana, Ben and me, all named').to.equal('3 people have room right now.');
    await click(el, button(el, 'Change'));
    await click(el, control(el, 'Just me'));
    await click(el, button(el, 'Save my check-in'));
    expect(kindLines(el)[2]).to.equal('Hosting: No one named yet');
    expect(text(el, 'status'), 'the line says so').to.equal(
      'Some room for hosting, until tonight. Only you can see it.',
    );
  });

  it('updates live when someone checks in, and drops check-ins as they end', async () => {
    const store = new MemoryStore();
    const clock = new Clock();
    const el = await mount({
      clock,
      adapter: new SharedMemoryAdapter({ store, community: 'street', author: 'me' }),
    });
    expect(kindLines(el)[0]).to.equal('Listening: No one named yet');
    await checkInAs(store, checkIn('ana', 'some'));
    await checkInAs(store, checkIn('ben', 'plenty', { expiresAt: new Date(2026, 10, 3, 20).toISOString() }));
    await checkInAs(store, checkIn('dan', 'some'));
    await checkInAs(store, checkIn('cy', 'some', { visibility: 'counted' }));
    await settle(el);
    expect(kindLines(el)[0]).to.equal('Listening: 3 people · Ben, Ana, and Dan');
    clock.time = new Date(2026, 10, 3, 20, 0);
    el.requestUpdate();
    await settle(el);
    expect(kindLines(el)[0], 'Ben has ended; two left is below min-group').to.equal('Listening: Ana and Dan');
    expect(askNames(el)).to.deep.equal(['Note that I asked Ana', 'Note that I asked Dan']);
  });

  it('says a figure stands on people none of whom chose to be named', async () => {
    const store = new MemoryStore();
    const el = await mount({
      adapter: new SharedMemoryAdapter({ store, community: 'street', author: 'me' }),
    });
    for (const who of ['ana', 'ben', 'cy'])
      await checkInAs(store, checkIn(who, 'some', { visibility: 'counted' }));
    await settle(el);
    expect(kindLines(el)[0]).to.equal('Listening: 3 people · none of them named');
    expect(text(el, 'circle')).to.not.match(/ana|ben|cy/i);
  });

  it('lists whom I could ask, spreading asks, and notes "I asked" in one click', async () => {
    const store = new MemoryStore();
    await busyCircle(store);
    const adapter = new SharedMemoryAdapter({ store, community: 'street', author: 'me' });
    const zoe = new MemoryAdapter({ store, community: 'street', author: 'zoe' });
    const ask: Ask = {
      circle: 'maple',
      askerId: 'zoe',
      askedId: 'ana',
      kind: 'listening',
      at: new Date(2026, 10, 2).toISOString(),
    };
    await zoe.put('asks', 'ask-zoe-1', ask);
    await zoe.put('asks', 'ask-zoe-2', { ...ask, askedId: 'ben' });
    const el = await mount({ adapter });
    expect(
      askNames(el),
      'Zoe’s asks are hers alone: they change nothing here; counted-only, resting and ended people are not listed',
    ).to.deep.equal(['Note that I asked Ana', 'Note that I asked Ben']);
    expect(text(el, 'ask'), 'nobody else’s ask is shown').not.to.contain('You asked');
    await adapter.put('asks', 'ask-me-1', { ...ask, askerId: 'me' });
    await settle(el);
    expect(askNames(el), 'I asked Ana yesterday').to.deep.equal([
      'Note that I asked Ben',
      'Note that I asked Ana',
    ]);
    expect(text(el, 'ask')).to.contain('You asked');
    expect(text(el, 'ask')).to.contain('“home all evening”');
    expect(text(el, 'ask')).not.to.match(/\b1\b.*ask/i);

    await click(el, button(el, 'Note that I asked Ben'));
    const asks = (await adapter.list<Ask>('asks')).map((r) => r.value);
    expect(asks).to.deep.include({
      circle: 'maple',
      askerId: 'me',
      askedId: 'ben',
      kind: 'listening',
      at: NOW.toISOString(),
    });
    expect(askNames(el), 'both asked once this week by me: more room first').to.deep.equal([
      'Note that I asked Ana',
      'Note that I asked Ben',
    ]);
    expect(root(el).activeElement, 'focus stays with Ben').to.equal(button(el, 'Note that I asked Ben'));
    expect(text(el, 'ask')).to.contain('You asked just now.');
    expect(announced(el)).to.equal('Noted that you asked Ben. Thank you for asking first.');
    await expect(el).to.be.accessible();

    const select = root(el).querySelector('select')!;
    select.value = 'practical';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    expect(askNames(el)).to.deep.equal(['Note that I asked Ana']);
    select.value = 'hosting';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    expect(askNames(el)).to.deep.equal([]);
    expect(text(el, 'ask')).to.contain('No one has said they have room for this right now.');
    await expect(el).to.be.accessible();
  });

  it('renders markup in notes and names as text', async () => {
    const store = new MemoryStore();
    await checkInAs(
      store,
      checkIn('ana', 'some', {
        personName: '<i>Ana</i>',
        note: '<img src=x onerror="window.pwned=1"><b>bold</b>',
      }),
    );
    const el = await mount({
      adapter: new SharedMemoryAdapter({ store, community: 'street', author: 'me' }),
    });
    expect(text(el, 'ask')).to.contain('<b>bold</b>');
    expect(text(el, 'circle')).to.contain('<i>Ana</i>');
    expect(root(el).querySelector('b, i, img')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('ignores check-ins written by someone other than their person', async () => {
    const store = new MemoryStore();
    const mallory = new MemoryAdapter({ store, community: 'street', author: 'mallory' });
    await mallory.put(
      'check-ins',
      checkInId('maple', 'ana'),
      checkIn('ana', 'plenty', { personName: 'Fake Ana' }),
    );
    const el = await mount({
      adapter: new SharedMemoryAdapter({ store, community: 'street', author: 'me' }),
    });
    expect(text(el)).not.to.contain('Fake Ana');
  });

  it('on storage only this browser sees, shows no circle, asks or sharing, and says what a shared site adds', async () => {
    const store = new MemoryStore();
    await busyCircle(store);
    // A check-in saved for the circle before: on this storage it still goes nowhere, and says nothing of a circle.
    await checkInAs(store, checkIn('me', 'some', { personName: 'Mo', visibility: 'counted' }));
    const el = await mount({ adapter: new MemoryAdapter({ store, community: 'street', author: 'me' }) });
    for (const part of ['circle', 'summary', 'ask', 'ask-button', 'visibility'])
      expect(root(el).querySelector(`[part="${part}"]`), `no ${part}`).to.equal(null);
    expect(status(el)).to.equal('Some room for listening and practical help, until tonight.');
    const all = text(el);
    for (const never of ['totals', 'counted', 'circle', 'No one named', 'Who could I ask', 'Ana', 'Ben'])
      expect(all, `says nothing of "${never}"`).not.to.contain(never);
    expect(text(el, 'local-only')).to.equal(
      'On a shared community site, you could also see who has room and let others see yours.',
    );
    await click(el, button(el, 'Change'));
    expect(root(el).querySelector('[part="visibility"]')).to.equal(null);
    expect(text(el)).not.to.match(/Count me|My circle|Just me/);
    await click(el, button(el, 'Save my check-in'));
    const saved = await new MemoryAdapter({ store, community: 'street' }).get<CheckIn>(
      'check-ins',
      checkInId('maple', 'me'),
    );
    expect(saved!.value.visibility, 'saved again on this storage: just me').to.equal('just-me');
    await expect(el).to.be.accessible();
  });

  it('lets a site put its own words in the local-only slot', async () => {
    const el = await mount();
    const words = document.createElement('p');
    words.slot = 'local-only';
    words.textContent = 'Join the Maple Street site to see who has room.';
    el.append(words);
    await settle(el);
    const slot = root(el).querySelector<HTMLSlotElement>('slot[name="local-only"]')!;
    expect(slot.assignedElements()).to.deep.equal([words]);
    expect(words.checkVisibility()).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
