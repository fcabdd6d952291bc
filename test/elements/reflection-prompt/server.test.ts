/**
 * The reflection prompt's anonymous count on a real tend-server, three readers each signed in as
 * themselves: "N readers reflected here" counts each reader once, and nothing of what anyone
 * wrote, nor who counted, reaches the server. Read back as another member would.
 */
import { expect, html } from '@open-wc/testing';
import '../../../src/elements/reflection-prompt/index.js';
import type { TendReflectionPrompt } from '../../../src/elements/reflection-prompt/index.js';
import { reflectionCountId, type ReflectionCount } from '../../../src/domain/reflection.js';
import { defaultAdapter } from '../../../src/provider/default-adapter.js';
import { click, field, settle, tick, type, visible } from './helpers.js';
import {
  heard,
  requestsAs,
  serverAs,
  signedIn,
  uniqueCommunity,
  until,
  type Person,
} from '../real-server.js';

const POST = 'slow-weekends';
const OPT_IN = 'Add one anonymous count to “readers reflected here”. Your words stay on this device.';
const COUNTED = 'You’ve added your anonymous count for this post. Thank you.';

const ANA: Person = { id: 'ana', name: 'Ana' };
const BEN: Person = { id: 'ben', name: 'Ben' };
const CLEO: Person = { id: 'cleo', name: 'Cleo' };
const DEE: Person = { id: 'dee', name: 'Dee' };
const READERS = [ANA, BEN, CLEO];

/** What each reader writes: words that must never be found on the server. */
const words = (person: Person, n = 1) => `${person.name} wrote privately about her brother, take ${n}`;

/** The collections a reflection could end up in on a server, had it been sent. */
const COLLECTIONS = [
  'reflections',
  'reflection-drafts',
  'reflection-counts',
  'reflection-counted',
  'reflection-locks',
];

let community = '';

afterEach(async () => {
  // Entries stay in this browser's real storage: leave it as it was.
  const local = defaultAdapter(community);
  for (const collection of ['reflections', 'reflection-drafts', 'reflection-counted'])
    for (const record of await local.list(collection)) await local.remove(collection, record.id);
});

async function promptOf(person: Person): Promise<TendReflectionPrompt> {
  const el = await signedIn<TendReflectionPrompt>(
    community,
    person,
    'tend-reflection-prompt',
    html`<tend-reflection-prompt post=${POST} share="count" layout="list"></tend-reflection-prompt>`,
  );
  await until(() => el.shadowRoot?.querySelector('[part~="step"]'), `${person.name}'s prompt renders`);
  await settle(el);
  return el;
}

/** `person` writes a reflection and saves it, opting in to the count when the box is there to tick. */
async function reflect(el: TendReflectionPrompt, person: Person, n = 1): Promise<void> {
  await type(el, 'What happened?', words(person, n));
  if (visible(el).includes(OPT_IN)) await tick(el, OPT_IN);
  await click(el, 'Save my reflection');
  await until(() => visible(el).includes('Start another reflection'), `${person.name}'s reflection is saved`);
}

const figure = (el: TendReflectionPrompt): string =>
  visible(el).match(/\d+ readers? reflected here\./)?.[0] ?? '';

describe('<tend-reflection-prompt share="count"> on a real tend-server', () => {
  it('three readers opt in: everyone sees “3 readers reflected here”, and no word or reader reaches the server', async () => {
    community = uniqueCommunity('reflect');
    const dee = requestsAs(community, DEE);
    const deeServer = await serverAs(community, DEE);
    const deeHeard = COLLECTIONS.slice(0, 3).map((collection) => heard(deeServer, collection));
    const prompts = [];
    for (const person of READERS) prompts.push(await promptOf(person));
    const [ana, ben, cleo] = prompts as [TendReflectionPrompt, TendReflectionPrompt, TendReflectionPrompt];
    expect(
      field<HTMLInputElement>(ana, OPT_IN).checked,
      'nothing is counted unless the reader ticks',
    ).to.equal(false);
    await expect(ana).to.be.accessible();

    await reflect(ana, ANA);
    await reflect(ben, BEN);
    // Two readers are not a figure to show.
    expect(figure(ana) + figure(ben) + figure(cleo)).to.equal('');
    await reflect(cleo, CLEO);
    for (const [el, person] of [
      [ana, ANA],
      [ben, BEN],
      [cleo, CLEO],
    ] as const)
      await until(
        () => figure(el) === '3 readers reflected here.',
        `${person.name} sees 3 readers`,
        () => visible(el),
      );
    await expect(cleo).to.be.accessible();

    // Ana saves two more reflections on the post: the box says she is counted; still three.
    for (const n of [2, 3]) {
      await click(ana, 'Start another reflection');
      const counted = field<HTMLInputElement>(ana, COUNTED);
      expect(counted.checked && counted.disabled, 'the box says the count is in').to.equal(true);
      await reflect(ana, ANA, n);
    }
    await expect(ana).to.be.accessible();
    // Even sent straight to the server again, by each reader, as a new device would.
    for (const person of READERS) {
      const again = await requestsAs(community, person).send(
        'POST',
        `/reflection-counts/${reflectionCountId(POST)}/ops`,
        {
          type: 'count',
          postId: POST,
        },
      );
      expect(again.status, `${person.name}'s second count: ${again.text}`).to.equal(200);
      expect((again.body as { value: ReflectionCount }).value.count).to.equal(3);
    }
    const record = (await dee.get<ReflectionCount>('reflection-counts', reflectionCountId(POST)))!;
    expect(record.value).to.deep.equal({ postId: POST, count: 3 });
    for (const el of [ana, ben, cleo]) expect(figure(el)).to.equal('3 readers reflected here.');

    // The words stayed in the browser.
    const kept = JSON.stringify(await defaultAdapter(community).list('reflections'));
    for (const person of READERS) expect(kept).to.contain(words(person));

    // On the server, as Dee (another member) and as each reader: the count, and nobody in it.
    const counted = JSON.stringify(record);
    for (const person of READERS)
      expect(counted, `the count record names ${person.id}`).not.to.contain(`"${person.id}"`);
    for (const reader of [DEE, ...READERS]) {
      const reads = requestsAs(community, reader);
      for (const collection of COLLECTIONS) {
        const answer = await reads.send('GET', `/${collection}`);
        for (const person of READERS)
          for (const n of [1, 2, 3])
            expect(answer.text, `${reader.id}'s list of ${collection}`).not.to.contain(words(person, n));
        if (collection !== 'reflection-counts' && answer.status === 200)
          expect((answer.body as { items: unknown[] }).items, `${reader.id}'s ${collection}`).to.deep.equal(
            [],
          );
      }
    }
    const streamed = JSON.stringify(deeHeard);
    expect(streamed, 'Dee heard the count change live').to.contain('"count":3');
    for (const person of READERS) {
      expect(streamed).not.to.contain(words(person));
      expect(streamed).not.to.contain(`"${person.id}"`);
    }
  });
});
