/**
 * The scenario on a real tend-server, end to end: a neighbour raises an anonymous
 * concern about a rotation; a moderator sees it, answers and acts; the neighbour reads the
 * answer in the same browser and reopens it; another neighbour's page and network learn nothing
 * of it (their DOM, list, get, follow without the key, live stream and audit log).
 */
import { expect, html, oneEvent } from '@open-wc/testing';
import type { Concern, ModerationLogEntry } from '../../../src/domain/concerns.js';
import { heard, requestsAs, serverAs, uniqueCommunity, until } from '../real-server.js';
import {
  MIRA,
  ROSA,
  TOMAS,
  WEN,
  announced,
  button,
  cardOf,
  choose,
  concernOf,
  field,
  moderationOf,
  postAs,
  read,
  shadow,
  type,
} from './helpers.js';

const WORDS = 'Three dinners a week is more than the Okafors can take in. They are too polite to say.';
const ANSWER = 'Thank you for telling us. We have moved the rotation to two evenings a week.';
const KIND = 'This rotation is too much for the family';

describe('a concern, from raising to answer (real server)', () => {
  it('an anonymous concern about a rotation is answered, acted on, closed and reopened; nobody else learns of it', async function () {
    this.timeout(60_000);
    const community = uniqueCommunity('concern-scenario');
    const rotation = await postAs(community, TOMAS, {
      kind: 'rotation',
      title: 'Meals for the Okafors',
      rotation: { recipientName: 'The Okafors', dates: ['2030-03-04', '2030-03-05'] },
    });
    // Wen's browser, from the start: her own stream of concerns, and of the audit log.
    const wenServer = await serverAs(community, WEN);
    const wenHeard = heard(wenServer, 'concerns');
    const wenLog = heard(wenServer, 'moderation-log');

    // Rosa raises it, anonymously, from the rotation's page.
    const rosa = await concernOf(
      community,
      ROSA,
      html`<tend-concern post=${rotation} about="rotation"></tend-concern>`,
    );
    const form = shadow(rosa);
    expect(field(form, 'This rotation').checked, 'about the rotation, to start with').to.equal(true);
    field(form, KIND).click();
    type(field<HTMLTextAreaElement>(form, 'In your own words'), WORDS);
    field(form, 'Nobody (anonymous)').click();
    await rosa.updateComplete;
    expect(read(rosa)).to.contain('Nobody learns it was you, the moderators included.');
    const raised = oneEvent(rosa, 'tend-concern-raised');
    button(form, 'Send to the moderators').click();
    const { detail } = await raised;
    expect(detail).to.deep.equal({
      concernId: detail.concernId,
      about: 'rotation',
      postId: rotation,
      visibility: 'anonymous',
    });
    await until(
      () => read(rosa).includes('Thank you for saying this. A moderator will answer here.'),
      'Rosa is thanked',
      () => read(rosa),
    );
    expect(announced(rosa)).to.equal('Thank you for saying this. A moderator will answer here.');
    expect(shadow(rosa).activeElement?.getAttribute('part'), 'focus on the thank-you').to.equal('sent');
    expect(read(cardOf(rosa, KIND))).to.contain('Waiting for a moderator');
    const id = detail.concernId;

    // The server keeps no person on it.
    const miraServer = requestsAs(community, MIRA);
    const stored = await miraServer.get<Concern>('concerns', id);
    expect(stored!.author).to.equal('anonymous');
    expect(JSON.stringify(stored)).not.to.contain('rosa');

    // Mira, a moderator, sees it, waiting, and cannot close it before answering.
    const mira = await moderationOf(community, MIRA);
    await until(
      () => read(mira).includes(WORDS),
      'Mira sees the concern',
      () => read(mira),
    );
    let card = cardOf(mira, `“${KIND}”`);
    expect(read(card)).to.contain('About the rotation “Meals for the Okafors”');
    expect(read(card)).to.contain('Raised anonymously');
    expect(read(card)).to.match(/Waiting \d+ minutes? for an answer/);
    expect(read(card)).not.to.contain('Rosa');
    expect(button(card, 'Close').disabled, 'closing waits for an answer').to.equal(true);
    expect(read(card)).to.contain('Answer first: a concern closes only once its raiser can read an answer.');
    expect(read(mira)).to.contain('A concern is information, not an attack');

    // She answers, marks it acknowledged, then acted on, then closes it.
    button(card, 'Answer').click();
    await mira.updateComplete;
    expect(shadow(mira).activeElement, 'focus in the answer').to.equal(
      field<HTMLTextAreaElement>(card, 'Your answer'),
    );
    type(field<HTMLTextAreaElement>(card, 'Your answer'), ANSWER);
    choose(field<HTMLSelectElement>(card, 'And mark it'), 'Acknowledged');
    const answered = oneEvent(mira, 'tend-concern-answered');
    button(card, 'Send answer').click();
    expect((await answered).detail).to.deep.equal({ concernId: id, state: 'acknowledged' });
    await until(() => read(cardOf(mira, `“${KIND}”`)).includes('Answered'), 'the answer shows');
    card = cardOf(mira, `“${KIND}”`);
    expect(read(card)).to.contain('You (moderator)');
    await until(() => !button(card, 'Close').disabled, 'Close can be pressed once the answer is in');
    button(card, 'Mark acted on').click();
    await until(() => read(cardOf(mira, `“${KIND}”`)).includes('Marked acted on.'), 'acted on');
    // Its buttons wait while that step is on its way: press Close once it can be pressed.
    await until(() => !button(cardOf(mira, `“${KIND}”`), 'Close').disabled, 'Close can be pressed');
    button(cardOf(mira, `“${KIND}”`), 'Close').click();
    await until(
      () => !read(mira).includes(WORDS),
      'the closed concern leaves the queue',
      () => read(mira),
    );
    expect(read(mira)).to.contain('No concern is waiting for an answer.');
    button(shadow(mira), 'Closed (1)').click();
    await mira.updateComplete;
    expect(read(cardOf(mira, `“${KIND}”`))).to.contain('Closed. Only its raiser can reopen it');

    // The audit log names Mira for each step, and nobody for the raising.
    button(shadow(mira), 'Show the log').click();
    await until(
      () => read(mira).includes('Mira answered a concern'),
      'the log shows',
      () => read(mira),
    );
    const log = read(shadow(mira).querySelector('[part="log"]')!);
    expect(log).to.contain('An anonymous member raised a concern');
    expect(log).to.contain('Mira marked a concern acted on');
    expect(log).to.contain('Mira marked a concern closed');
    expect(log).not.to.contain('Rosa');

    // Rosa, back on the page in the same browser, reads the answer as "a moderator"'s.
    rosa.closest('tend-provider')!.remove();
    const back = await concernOf(community, ROSA);
    await until(
      () => read(back).includes(ANSWER),
      'Rosa reads the answer',
      () => read(back),
    );
    const hers = cardOf(back, KIND);
    expect(read(hers)).to.contain('A moderator');
    expect(read(hers)).to.contain('Closed');
    expect(read(hers)).not.to.contain('Mira');
    // She reopens it with a few words.
    type(field<HTMLTextAreaElement>(hers, 'Why you are reopening it'), 'Two evenings is still a lot.');
    button(hers, 'Reopen').click();
    await until(
      () => read(cardOf(back, KIND)).includes('Reopened. A moderator will answer here.'),
      'reopened',
      () => read(back),
    );
    await until(() => read(mira).includes('Two evenings is still a lot.'), 'Mira sees it reopened');

    // Wen, in the same browser: nothing on her page, nothing from the server.
    const wen = await concernOf(community, WEN);
    expect(read(wen)).not.to.contain(WORDS);
    expect(read(wen)).not.to.contain('Your concerns');
    const wenModeration = await moderationOf(community, WEN);
    expect(read(wenModeration)).to.equal(
      'This is where the community’s moderators answer concerns. It shows only to them.',
    );
    const wenAsks = requestsAs(community, WEN);
    expect(await wenAsks.list('concerns')).to.deep.equal([]);
    expect(await wenAsks.get('concerns', id)).to.equal(undefined);
    expect(await wenAsks.list<ModerationLogEntry>('moderation-log')).to.deep.equal([]);
    const follow = await wenAsks.send('POST', `/concerns/${id}/ops`, { type: 'follow' });
    const never = await wenAsks.send('POST', `/concerns/never-${id}/ops`, { type: 'follow' });
    expect(follow.status).to.equal(404);
    expect(follow.text, 'the same answer as an id never used').to.equal(
      never.text.replace(`never-${id}`, id),
    );
    expect(wenHeard, 'Wen’s stream heard no concern').to.deep.equal([]);
    expect(wenLog, 'nor any step of the log').to.deep.equal([]);
  });
});
