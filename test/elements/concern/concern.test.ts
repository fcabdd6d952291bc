/**
 * `<tend-concern>` as a member uses it: honest on browser-only storage; a named concern listed
 * from the server and answered live; the form asking for what is missing; a refused or offline
 * send said plainly with the draft kept; light and dark, accessible; Spanish words.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/provider/index.js';
import type { TendConcern } from '../../../src/elements/concern/index.js';
import { newConcernKey, type Concern } from '../../../src/domain/concerns.js';
import { MemoryAdapter, type StorageAdapter } from '../../../src/storage/index.js';
import { randomId } from '../../../src/domain/record-ids.js';
import { requestsAs, serverAs, uniqueCommunity, until } from '../real-server.js';
import {
  MIRA,
  ROSA,
  WEN,
  announced,
  button,
  cardOf,
  concernOf,
  field,
  hasButton,
  inTheme,
  read,
  shadow,
  type,
} from './helpers.js';

const control = async (action: 'stop' | 'start') => (await fetch(`/__tend-server/${action}`)).json();

describe('<tend-concern>', () => {
  it('with browser-only storage, says concerns need the community’s server and offers no form', async () => {
    const provider = await fixture(
      html`<tend-provider .adapter=${new MemoryAdapter()} user-id="rosa" lang="en">
        <tend-concern post="p1" about="rotation"></tend-concern>
      </tend-provider>`,
    );
    const el = provider.querySelector<TendConcern>('tend-concern')!;
    await el.updateComplete;
    expect(read(el)).to.contain('Concerns need the community’s server');
    expect(read(el)).to.contain('nothing can be sent from here');
    expect(shadow(el).querySelector('form, textarea, input, button'), 'nothing it cannot deliver').to.equal(
      null,
    );
    await expect(el).to.be.accessible();
    await inTheme(el, 'dark');
    await expect(el).to.be.accessible();
  });

  it('a named concern is listed from the server and its answer arrives live, from “a moderator”', async function () {
    this.timeout(40_000);
    const community = uniqueCommunity('concern-named');
    const rosa = await concernOf(community, ROSA);
    await expect(rosa).to.be.accessible();
    await inTheme(rosa, 'dark');
    await expect(rosa).to.be.accessible();
    const form = shadow(rosa);
    expect(shadow(rosa).querySelector('[part="about"]'), 'no post: about the community').to.equal(null);
    field(form, 'I have been asked too often').click();
    type(field<HTMLTextAreaElement>(form, 'In your own words'), 'Every week I am asked to host.');
    expect(field(form, 'The moderators only').checked, 'named to the moderators by default').to.equal(true);
    expect(read(rosa)).to.contain('The moderators see your name with it.');
    button(form, 'Send to the moderators').click();
    await until(
      () => read(rosa).includes('Your concerns'),
      'the concern is listed',
      () => read(rosa),
    );
    expect(read(cardOf(rosa, 'I have been asked too often'))).to.contain(
      'Only the moderators know it was you.',
    );

    // Mira answers from her own browser; Rosa's page shows it as it happens.
    const [id] = (await requestsAs(community, ROSA).list<Concern>('concerns')).map((r) => r.id);
    const mira = await serverAs(community, MIRA);
    await mira.operate('concerns', id!, { type: 'answer', text: 'Thank you. Hosting will rotate.' });
    await until(
      () => read(cardOf(rosa, 'I have been asked too often')).includes('Thank you. Hosting will rotate.'),
      'the answer arrives live',
      () => read(rosa),
    );
    const card = cardOf(rosa, 'I have been asked too often');
    expect(read(card)).to.contain('A moderator');
    expect(read(card)).not.to.contain('Mira');
    await expect(rosa).to.be.accessible();

    // She adds to it; empty words are asked for first.
    button(card, 'Add').click();
    await rosa.updateComplete;
    expect(read(card)).to.contain('Write something to add first.');
    expect(shadow(rosa).activeElement).to.equal(field(card, 'Add to it'));
    type(field<HTMLTextAreaElement>(card, 'Add to it'), 'Thank you.');
    button(card, 'Add').click();
    await until(() => announced(rosa) === 'Added. A moderator will read it.', 'added');
    expect(field<HTMLTextAreaElement>(card, 'Add to it').value).to.equal('');

    // Her concern is hers: Wen lists nothing.
    expect(await requestsAs(community, WEN).list('concerns')).to.deep.equal([]);
  });

  it('asks for what is missing before sending', async () => {
    const rosa = await concernOf(uniqueCommunity('concern-form'), ROSA);
    const form = shadow(rosa);
    button(form, 'Send to the moderators').click();
    await rosa.updateComplete;
    expect(read(rosa)).to.contain('Choose what you would like to say, or say it in your own words.');
    expect(form.activeElement).to.equal(field(form, 'I have been asked too often'));
    field(form, 'Something else, in my own words').click();
    await rosa.updateComplete;
    button(form, 'Send to the moderators').click();
    await rosa.updateComplete;
    expect(read(rosa)).to.contain('Say it in your own words, so a moderator can answer it.');
    const words = field<HTMLTextAreaElement>(form, 'In your own words');
    expect(form.activeElement).to.equal(words);
    expect(words.getAttribute('aria-invalid')).to.equal('true');
    await expect(rosa).to.be.accessible();
  });

  it('when the community’s allowance of anonymous concerns is used up, says so and keeps the draft', async function () {
    this.timeout(30_000);
    const community = uniqueCommunity('concern-busy');
    // Ten anonymous concerns just now (the server's default burst).
    const wen = requestsAs(community, WEN);
    for (let i = 0; i < 10; i++)
      await wen.send('POST', `/concerns/${randomId()}/ops`, {
        type: 'raise',
        about: 'community',
        kind: 'asked-too-often',
        visibility: 'anonymous',
        key: newConcernKey(),
      });
    const keys = new MemoryAdapter();
    const rosa = await concernOf(
      community,
      ROSA,
      html`<tend-concern .keyStore=${keys as StorageAdapter}></tend-concern>`,
    );
    const form = shadow(rosa);
    field(form, 'A request made me uncomfortable').click();
    type(field<HTMLTextAreaElement>(form, 'In your own words'), 'A late-night request.');
    field(form, 'Nobody (anonymous)').click();
    await rosa.updateComplete;
    button(form, 'Send to the moderators').click();
    await until(
      () => read(rosa).includes('Many concerns were raised here just now.'),
      'said plainly',
      () => read(rosa),
    );
    expect(field<HTMLTextAreaElement>(form, 'In your own words').value, 'the draft stays').to.equal(
      'A late-night request.',
    );
    expect(field(form, 'A request made me uncomfortable').checked).to.equal(true);
    expect(await keys.list('concern-keys'), 'no key kept for a concern that was not raised').to.deep.equal(
      [],
    );
    expect(read(rosa)).not.to.contain('Your concerns');
  });

  it('offline, says so plainly: the concern waits on this device and arrives once back', async function () {
    this.timeout(40_000);
    const community = uniqueCommunity('concern-offline');
    const rosa = await concernOf(community, ROSA);
    const form = shadow(rosa);
    field(form, 'I have been asked too often').click();
    type(field<HTMLTextAreaElement>(form, 'In your own words'), 'Sent while the server was away.');
    await control('stop');
    try {
      button(form, 'Send to the moderators').click();
      await until(
        () => read(rosa).includes('You’re offline just now. Your concern waits on this device'),
        'offline said plainly',
        () => read(rosa),
      );
    } finally {
      await control('start');
    }
    await until(
      async () => (await requestsAs(community, MIRA).list('concerns')).length === 1,
      'it reaches the server once back',
      undefined,
      20_000,
    );
    await until(
      () => read(rosa).includes('Sent while the server was away.'),
      'and shows as sent',
      () => read(rosa),
    );
  });

  it('speaks Spanish', async () => {
    const rosa = await concernOf(uniqueCommunity('concern-es'), ROSA, undefined, 'es');
    expect(read(rosa)).to.contain('Plantear una inquietud');
    expect(hasButton(shadow(rosa), 'Enviar a quienes moderan')).to.equal(true);
    await expect(rosa).to.be.accessible();
  });
});
