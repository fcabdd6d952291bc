/**
 * The capacity check-in on a real tend-server, with several neighbours each signed in as
 * themselves: the circle's figures come from the server, counted-only people are never named,
 * never listed, never fetchable by their id, and a just-me check-in changes nothing anyone
 * else can see. Tried from the side of a fourth person who would like to know who is struggling.
 */
import { expect, html } from '@open-wc/testing';
import '../../../src/elements/capacity-check-in/index.js';
import type { TendCapacityCheckIn } from '../../../src/elements/capacity-check-in/index.js';
import { checkInId, expiryFor, type CheckIn, type Visibility } from '../../../src/domain/capacity.js';
import { button, click, control, root, settle, text, type } from './helpers.js';
import {
  heard,
  requestsAs,
  serverAs,
  signedIn,
  uniqueCommunity,
  until,
  type Person,
} from '../real-server.js';

const CIRCLE = 'maple';
const KINDS = 'listening,practical,hosting';
/** The test server makes the circle's figures again every 200 ms (test/server/wtr-tend-server.js). */
const AGGREGATE_INTERVAL_MS = 200;

const CY: Person = { id: 'cy-quiet', name: 'Cyrilla' };
const CAL: Person = { id: 'cal-quiet', name: 'Calloway' };
const CAT: Person = { id: 'cat-quiet', name: 'Catriona' };
const DEE: Person = { id: 'dee', name: 'Dee' };
const EVE: Person = { id: 'eve-alone', name: 'Evangeline' };
const ZED: Person = { id: 'zed', name: 'Zed' };
const COUNTED = [CY, CAL, CAT];

/** Everything that would point at a counted-only person: their id, record id, name and note. */
const tracesOf = (person: Person): string[] => [
  person.id,
  checkInId(CIRCLE, person.id),
  person.name,
  `note of ${person.name}`,
];

/** `person`'s element in the circle on the real server, rendered and loaded. */
async function checkInOf(community: string, person: Person): Promise<TendCapacityCheckIn> {
  const el = await signedIn<TendCapacityCheckIn>(
    community,
    person,
    'tend-capacity-check-in',
    html`<tend-capacity-check-in circle=${CIRCLE} kinds=${KINDS}></tend-capacity-check-in>`,
  );
  await until(() => el.shadowRoot?.querySelector('[part="check-in"]'), `${person.name}'s element renders`);
  await until(() => !text(el, 'summary').includes('Reading'), `${person.name}'s element reads the figures`);
  await settle(el);
  return el;
}

/** `person` checks in through their element as a person does: level, kinds, note, who sees it, save. */
async function checkInThrough(
  el: TendCapacityCheckIn,
  person: Person,
  choice: { level: string; kinds: string[]; who?: string },
): Promise<void> {
  await click(el, control(el, choice.level));
  for (const kind of choice.kinds) await click(el, control(el, kind));
  await type(el, 'A short note (optional)', `note of ${person.name}`);
  if (choice.who) await click(el, control(el, choice.who));
  await click(el, button(el, 'Save my check-in'));
  await until(
    () => text(el, 'check-in').includes('Saved. Thank you for saying how you are.'),
    `${person.name}'s check-in is saved`,
    () => text(el, 'check-in'),
  );
}

/** `person` checks in through the HTTP API as themselves, holding until tomorrow night. */
async function checkInByRequest(
  community: string,
  person: Person,
  visibility: Visibility,
  kinds: string[] = ['listening'],
): Promise<void> {
  const now = new Date();
  const value: CheckIn = {
    circle: CIRCLE,
    personId: person.id,
    personName: person.name,
    level: 'some',
    kinds,
    note: `note of ${person.name}`,
    expiresAt: expiryFor('tomorrow', now)!.toISOString(),
    visibility,
    updatedAt: now.toISOString(),
  };
  const answer = await requestsAs(community, person).send(
    'PUT',
    `/check-ins/${checkInId(CIRCLE, person.id)}`,
    {
      value,
    },
  );
  expect(answer.status, `${person.name}'s check-in: ${answer.text}`).to.equal(201);
}

const kindLines = (el: TendCapacityCheckIn): string[] =>
  [...root(el).querySelectorAll('[part="circle"] li')].map((li) =>
    li.textContent!.replace(/\s+/g, ' ').trim(),
  );

/** Lets the server's aggregate clock tick a few times. */
const ticks = (n: number) => new Promise((resolve) => setTimeout(resolve, n * AGGREGATE_INTERVAL_MS));

describe('<tend-capacity-check-in> on a real tend-server', () => {
  it('shows the server’s figures and the named person, and nothing of the counted-only people', async () => {
    const community = uniqueCommunity('circle');
    // Zed, the fourth person, watches from the start.
    const zed = await checkInOf(community, ZED);
    expect(control(zed, 'Just me').checked, 'Zed’s own default is “Just me”').to.equal(true);
    const zedServer = await serverAs(community, ZED);
    const zedHeard = heard(zedServer, 'check-ins');

    // Dee checks in for her circle; Cy, through her element, to be counted but not named.
    await checkInByRequest(community, DEE, 'circle', ['listening', 'practical']);
    const cy = await checkInOf(community, CY);
    expect(control(cy, 'Just me').checked, 'Cy’s default is “Just me”').to.equal(true);
    await expect(cy).to.be.accessible();
    await checkInThrough(cy, CY, { level: 'Some', kinds: ['Listening'], who: 'Count me, don’t name me' });
    expect(text(cy, 'status')).to.contain(
      'Added into the circle’s totals once enough people are counted, without your name or note.',
    );
    await expect(cy).to.be.accessible();
    cy.closest('tend-provider')!.remove();

    // One named and one counted: no figure, whatever the page's min-group says.
    await until(
      () => kindLines(zed)[0] === 'Listening: Dee',
      'Zed sees Dee named',
      () => kindLines(zed),
    );
    await ticks(3);
    await settle(zed);
    expect(text(zed, 'summary')).to.equal(
      'Numbers show once 3 or more people have room, so nobody is singled out.',
    );
    expect(kindLines(zed)).to.deep.equal([
      'Listening: Dee',
      'Practical help: Dee',
      'Hosting: No one named yet',
    ]);
    const before = text(zed, 'circle');
    zed.setAttribute('min-group', '1');
    await settle(zed);
    expect(zed.minGroup).to.equal(1);
    expect(text(zed, 'circle'), 'min-group="1" on the page changes nothing').to.equal(before);

    // Two more counted-only neighbours, through the API as themselves: three counted now (the
    // page still says min-group="1").
    await checkInByRequest(community, CAL, 'counted');
    await checkInByRequest(community, CAT, 'counted');
    await until(
      () => text(zed, 'summary') === '4 people have room right now.',
      'Zed sees the server’s new figures after its interval',
      () => text(zed, 'circle'),
    );
    expect(kindLines(zed)).to.deep.equal([
      'Listening: 4 people · Dee and 3 more (not named)',
      'Practical help: Dee',
      'Hosting: No one named yet',
    ]);
    await expect(zed).to.be.accessible();

    // Nothing of the counted-only people: not in what Zed sees, not in the element's markup,
    // not in anything his browser received.
    const zedReads = requestsAs(community, ZED);
    const figures = await zedReads.send('GET', `/aggregates/circle?circle=${CIRCLE}&kinds=${KINDS}`);
    const listed = await zedServer.list<CheckIn>('check-ins');
    expect(listed.map((r) => r.id)).to.deep.equal([checkInId(CIRCLE, DEE.id)]);
    const received = JSON.stringify([listed, await zedReads.list('check-ins'), zedHeard, figures.body]);
    expect(received, 'Zed’s browser received Dee’s named check-in').to.contain('note of Dee');
    const never = await zedReads.send('GET', `/check-ins/${checkInId(CIRCLE, 'nobody-at-all')}`);
    for (const person of COUNTED) {
      for (const trace of tracesOf(person)) {
        expect(text(zed), `Zed's element shows ${trace}`).not.to.contain(trace);
        expect(root(zed).innerHTML, `Zed's element holds ${trace}`).not.to.contain(trace);
        expect(received, `Zed's browser received ${trace}`).not.to.contain(trace);
      }
      const id = checkInId(CIRCLE, person.id);
      expect(await zedServer.get('check-ins', id), `Zed's get of ${person.name}`).to.equal(undefined);
      const answer = await zedReads.send('GET', `/check-ins/${id}`);
      expect(
        [answer.status, answer.text.replaceAll(id, 'ID')],
        'the same answer as for an id that never existed',
      ).to.deep.equal([never.status, never.text.replaceAll(checkInId(CIRCLE, 'nobody-at-all'), 'ID')]);
    }
  });

  it('a just-me check-in by someone else changes nothing in another person’s view', async () => {
    const community = uniqueCommunity('circle-alone');
    await checkInByRequest(community, DEE, 'circle');
    for (const person of COUNTED) await checkInByRequest(community, person, 'counted');
    const zed = await checkInOf(community, ZED);
    await until(
      () => text(zed, 'summary') === '4 people have room right now.',
      'Zed sees the circle’s figures',
      () => text(zed, 'circle'),
    );
    const zedServer = await serverAs(community, ZED);
    const zedHeard = heard(zedServer, 'check-ins');
    const zedReads = requestsAs(community, ZED);
    const figuresBefore = (await zedReads.send('GET', `/aggregates/circle?circle=${CIRCLE}&kinds=${KINDS}`))
      .text;
    const seenBefore = root(zed).innerHTML;

    // Eve checks in through her element, leaving its default: just her.
    const eve = await checkInOf(community, EVE);
    expect(control(eve, 'Just me').checked).to.equal(true);
    await checkInThrough(eve, EVE, { level: 'Plenty', kinds: ['Listening', 'Hosting'] });
    expect(text(eve, 'status')).to.contain('Only you can see it.');
    expect(text(eve, 'circle'), 'her own view counts her by the same rules').not.to.contain('You');
    await expect(eve).to.be.accessible();
    eve.closest('tend-provider')!.remove();
    // Then Dee changes her note: once Zed hears that, everything sent before it has arrived.
    const dee = requestsAs(community, DEE);
    const deeRecord = (await dee.get<CheckIn>('check-ins', checkInId(CIRCLE, DEE.id)))!;
    const changed = await dee.send(
      'PUT',
      `/check-ins/${checkInId(CIRCLE, DEE.id)}`,
      { value: { ...deeRecord.value, note: 'can listen after nine', updatedAt: new Date().toISOString() } },
      { 'if-match': String(deeRecord.rev) },
    );
    expect(changed.status).to.equal(200);
    await until(() => text(zed, 'ask').includes('can listen after nine'), 'Zed sees Dee’s new note');
    // And the server's aggregate clock has run past Eve's check-in.
    await ticks(3);
    await settle(zed);

    expect(root(zed).innerHTML.replace('can listen after nine', 'note of Dee')).to.equal(seenBefore);
    expect(
      (await zedReads.send('GET', `/aggregates/circle?circle=${CIRCLE}&kinds=${KINDS}`)).text,
      'the same figures',
    ).to.equal(figuresBefore);
    const received = JSON.stringify([
      zedHeard,
      await zedServer.list('check-ins'),
      await zedReads.list('check-ins'),
    ]);
    for (const trace of tracesOf(EVE)) expect(received, `Zed received ${trace}`).not.to.contain(trace);
    expect(zedHeard.map((change) => change.id)).to.deep.equal([checkInId(CIRCLE, DEE.id)]);
    expect(await zedServer.get('check-ins', checkInId(CIRCLE, EVE.id))).to.equal(undefined);
    await expect(zed).to.be.accessible();
  });
});
