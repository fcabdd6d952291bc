/**
 * The board on storage that applies operations itself, as a tend-server does: every step a
 * person takes on someone else's post (and the author's steps on claims) travels as a named
 * operation, never as the whole post, and the server's refusals read as kindly as local ones.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { OfferError, type Person, type Post } from '../../../src/domain/offers.js';
import { applyPostOperation, parsePostOperation } from '../../../src/domain/post-operations.js';
import {
  ConflictError,
  InvalidValueError,
  MemoryAdapter,
  MemoryStore,
  NotFoundError,
  StorageError,
  type StoredRecord,
  type WriteOptions,
} from '../../../src/storage/index.js';
import type { OperateOptions, RecordOperation } from '../../../src/storage/adapter.js';
import {
  dialogOf,
  ANA,
  BEN,
  CLEO,
  NOW,
  boardFor,
  hasButton,
  button,
  card,
  cardText,
  field,
  openDialog,
  seed,
  settle,
} from './helpers.js';

/**
 * A person's adapter on a shared memory store that also applies post operations the way the
 * server does: to the stored post, with the domain's rules, as the signed-in person, writing
 * the result under the post's own author. Refusals come back as a server's do: a storage error
 * whose `rule` is the domain's code. It logs what the person sent.
 */
class OperatingAdapter extends MemoryAdapter {
  readonly sent: RecordOperation[] = [];
  readonly puts: { collection: string; id: string }[] = [];
  readonly refusals: string[] = [];
  readonly #store: MemoryStore;
  readonly #person: Person;

  constructor(store: MemoryStore, person: Person) {
    super({ store, author: person.id });
    this.#store = store;
    this.#person = person;
  }

  override put<T>(
    collection: string,
    id: string,
    value: T,
    options?: WriteOptions,
  ): Promise<StoredRecord<T>> {
    this.puts.push({ collection, id });
    return super.put(collection, id, value, options);
  }

  async operate<T>(
    collection: string,
    id: string,
    operation: RecordOperation,
    options: OperateOptions = {},
  ): Promise<StoredRecord<T>> {
    this.sent.push(structuredClone(operation));
    expect(collection).to.equal('posts');
    for (let attempt = 1; ; attempt++) {
      const current = await super.get<Post>(collection, id);
      if (!current) throw new NotFoundError('no such post');
      if (options.expectedRev !== undefined && options.expectedRev !== current.rev)
        throw new ConflictError('the post changed', current.rev);
      let next: Post;
      try {
        next = applyPostOperation(current.value, parsePostOperation(operation), this.#person, NOW);
      } catch (error) {
        if (!(error instanceof OfferError)) throw error;
        const refused =
          error.code === 'not-yours'
            ? new StorageError('forbidden', error.message)
            : new InvalidValueError(error.message);
        refused.rule = error.code;
        this.refusals.push(error.code);
        throw refused;
      }
      // The server keeps the post's author: it writes as them, not as the person who acted.
      const asAuthor = new MemoryAdapter({ store: this.#store, author: current.author });
      try {
        return (await asAuthor.put(collection, id, next, { expectedRev: current.rev })) as StoredRecord<T>;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= 5) throw error;
      }
    }
  }
}

const stored = async (store: MemoryStore, id: string): Promise<StoredRecord<Post>> =>
  (await new MemoryAdapter({ store }).get<Post>('posts', id))!;

describe('<tend-offer-board>: operations', () => {
  it('sends claim, accept, done and thanks as operations; nobody but the author writes the post', async () => {
    const store = new MemoryStore();
    await seed(store, 'o1', {
      title: 'Spare room',
      terms: { askFirst: true },
      privateDetails: 'Key under the pot',
    });
    const benStore = new OperatingAdapter(store, BEN);
    const anaStore = new OperatingAdapter(store, ANA);
    const ben = await boardFor({ person: BEN, adapter: benStore });
    const ana = await boardFor({ person: ANA, adapter: anaStore });

    const claimed = oneEvent(ben, 'tend-offer-claimed');
    button(card(ben, 'Spare room'), 'Ask for this').click();
    const { detail } = await claimed;
    expect(detail.status).to.equal('requested');
    await settle(ben);
    expect(benStore.sent).to.deep.equal([{ type: 'claim', claimId: detail.claimId }]);

    await waitUntil(() => hasButton(card(ana, 'Spare room'), 'Say yes'), 'Ana sees the request');
    button(card(ana, 'Spare room'), 'Say yes').click();
    await settle(ana);
    await waitUntil(() => cardText(card(ben, 'Spare room')).includes('Key under the pot'));
    button(card(ana, 'Spare room'), 'Mark done').click();
    button(await dialogOf(ana), 'Yes').click();
    await waitUntil(() => !openDialog(ana));
    expect(anaStore.sent).to.deep.equal([
      { type: 'accept', claimId: detail.claimId },
      { type: 'done', claimId: detail.claimId },
    ]);

    await waitUntil(() => cardText(card(ben, 'Spare room')).includes('Say thank you'));
    button(card(ben, 'Spare room'), 'Say thank you').click();
    field<HTMLTextAreaElement>(await dialogOf(ben), 'Your thank-you').value = '  So kind  ';
    button(openDialog(ben)!, 'Send').click();
    await waitUntil(() => !openDialog(ben));
    expect(benStore.sent.at(-1)).to.deep.equal({ type: 'thank', claimId: detail.claimId, words: 'So kind' });

    expect(
      benStore.puts.filter((p) => p.collection === 'posts'),
      'Ben never wrote the post',
    ).to.deep.equal([]);
    expect(
      anaStore.puts.filter((p) => p.collection === 'posts'),
      'steps on claims are operations too',
    ).to.deep.equal([]);
    const record = await stored(store, 'o1');
    expect(record.author).to.equal('ana');
    expect(record.value.claims[0]).to.deep.include({ personId: 'ben', status: 'done', thanks: 'So kind' });
    await expect(ben).to.be.accessible();
  });

  it('the author’s own edit and withdraw stay whole-post writes', async () => {
    const store = new MemoryStore();
    await seed(store, 'o1', { title: 'Soup' });
    const anaStore = new OperatingAdapter(store, ANA);
    const ana = await boardFor({ person: ANA, adapter: anaStore });
    button(card(ana, 'Soup'), 'Withdraw').click();
    await settle(ana);
    expect(anaStore.sent).to.deep.equal([]);
    expect(anaStore.puts).to.deep.equal([{ collection: 'posts', id: 'o1' }]);
  });

  it('the last spot taken a moment earlier on the server reads as kindly as the local rule', async () => {
    const store = new MemoryStore();
    await seed(store, 'o1', { title: 'Last soup', slots: 1 });
    const benStore = new OperatingAdapter(store, BEN);
    const cleoStore = new OperatingAdapter(store, CLEO);
    const ben = await boardFor({ person: BEN, adapter: benStore });
    const cleo = await boardFor({ person: CLEO, adapter: cleoStore });
    // Both press before either operation lands: each board's own check lets the claim go.
    button(card(ben, 'Last soup'), 'I’d like this').click();
    button(card(cleo, 'Last soup'), 'I’d like this').click();
    await settle(ben);
    await settle(cleo);
    const post = (await stored(store, 'o1')).value;
    expect(post.claims).to.have.length(1);
    const [winner, loser, loserStore] =
      post.claims[0]!.personId === 'ben' ? [ben, cleo, cleoStore] : [cleo, ben, benStore];
    expect(loserStore.refusals, 'the server said no, not the board').to.deep.equal(['full']);
    await waitUntil(() =>
      cardText(card(loser, 'Last soup')).includes(
        'Someone took the last spot just before you. Thank you all the same.',
      ),
    );
    expect(cardText(card(winner, 'Last soup'))).to.contain('You’re on this');
    await expect(loser).to.be.accessible();
  });

  it('a date taken a moment earlier on the server reads as kindly as the local rule', async () => {
    const store = new MemoryStore();
    await seed(store, 'r1', {
      kind: 'rotation',
      title: 'Meals for Sam',
      rotation: { recipientName: 'Sam', dates: ['2026-03-04', '2026-03-06'] },
    });
    const benStore = new OperatingAdapter(store, BEN);
    const cleoStore = new OperatingAdapter(store, CLEO);
    const ben = await boardFor({ person: BEN, adapter: benStore });
    const cleo = await boardFor({ person: CLEO, adapter: cleoStore });
    button(card(ben, 'Meals for Sam'), 'Sign up for Wed, Mar 4').click();
    button(card(cleo, 'Meals for Sam'), 'Sign up for Wed, Mar 4').click();
    await settle(ben);
    await settle(cleo);
    const post = (await stored(store, 'r1')).value;
    expect(post.claims).to.have.length(1);
    const [loser, loserStore] = post.claims[0]!.personId === 'ben' ? [cleo, cleoStore] : [ben, benStore];
    expect(loserStore.refusals, 'the server said no, not the board').to.deep.equal(['slot-taken']);
    await waitUntil(() =>
      cardText(card(loser, 'Meals for Sam')).includes(
        'Someone signed up for that just before you. Thank you: another date may be open.',
      ),
    );
    expect([...benStore.puts, ...cleoStore.puts].filter((p) => p.collection === 'posts')).to.deep.equal([]);
  });
});
