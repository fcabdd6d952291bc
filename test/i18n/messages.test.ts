/**
 * Every count the widgets show, in English and Spanish: the noun agrees with the number by each
 * language's plural rules, and numbers are written the language's way.
 */
import { expect } from '@open-wc/testing';
import { en as boardEn } from '../../src/elements/offer-board/offer-board.messages.js';
import { es as boardEs } from '../../src/elements/offer-board/offer-board.es.js';
import { en as capacityEn } from '../../src/elements/capacity-check-in/capacity-check-in.messages.js';
import { es as capacityEs } from '../../src/elements/capacity-check-in/capacity-check-in.es.js';
import { reflectionEn } from '../../src/elements/reflection-prompt/reflection-prompt.messages.js';
import { reflectionEs } from '../../src/elements/reflection-prompt/reflection-prompt.es.js';
import { storageEn } from '../../src/i18n/storage-messages.js';
import { storageEs } from '../../src/i18n/storage-messages.es.js';

const board = { en: boardEn, es: boardEs };
const capacity = { en: capacityEn, es: capacityEs };

describe('counts in words', () => {
  it('offer board: spots and dates agree with the total', () => {
    expect(board.en.spotsOpen(1, 2, 'en')).to.equal('1 of 2 spots open');
    expect(board.en.spotsOpen(1, 1, 'en')).to.equal('1 of 1 spot open');
    expect(board.en.spotsOpen(0, 1200, 'en')).to.equal('0 of 1,200 spots open');
    expect(board.es.spotsOpen(1, 2, 'es')).to.equal('1 de 2 lugares libres');
    expect(board.es.spotsOpen(1, 1, 'es')).to.equal('1 de 1 lugar libre');
    expect(board.en.datesOpen(2, 3, 'en')).to.equal('2 of 3 dates open');
    expect(board.en.datesOpen(1, 1, 'en')).to.equal('1 of 1 date open');
    expect(board.es.datesOpen(2, 3, 'es')).to.equal('2 de 3 fechas libres');
    expect(board.es.datesOpen(1, 1, 'es')).to.equal('1 de 1 fecha libre');
  });

  it('offer board: every other count', () => {
    const cases: [string, string, string, string][] = [
      [board.en.matches(1, 'en'), board.en.matches(0, 'en'), '1 post matches.', '0 posts match.'],
      [
        board.es.matches(1, 'es'),
        board.es.matches(0, 'es'),
        '1 publicación coincide.',
        '0 publicaciones coinciden.',
      ],
      [
        board.en.waiting(1, 'en'),
        board.en.waiting(4, 'en'),
        'Waiting 1 day for someone',
        'Waiting 4 days for someone',
      ],
      [
        board.es.waiting(1, 'es'),
        board.es.waiting(4, 'es'),
        'Esperando a alguien desde hace 1 día',
        'Esperando a alguien desde hace 4 días',
      ],
      [
        board.en.yourLoad(1, 'en'),
        board.en.yourLoad(2, 'en'),
        'You have 1 thing on this week.',
        'You have 2 things on this week.',
      ],
      [
        board.es.yourLoad(1, 'es'),
        board.es.yourLoad(2, 'es'),
        'Esta semana tienes 1 cosa pendiente.',
        'Esta semana tienes 2 cosas pendientes.',
      ],
      [
        board.en.youHelped(1, 'en'),
        board.en.youHelped(3, 'en'),
        'You helped 1 time this week. Thank you.',
        'You helped 3 times this week. Thank you.',
      ],
      [
        board.es.youHelped(1, 'es'),
        board.es.youHelped(3, 'es'),
        'Ayudaste 1 vez esta semana. Gracias.',
        'Ayudaste 3 veces esta semana. Gracias.',
      ],
      [board.en.datesCount(1, 'en'), board.en.datesCount(2, 'en'), '1 date', '2 dates'],
      [board.es.datesCount(1, 'es'), board.es.datesCount(2, 'es'), '1 fecha', '2 fechas'],
      [
        board.en.staleCount(1, 'en'),
        board.en.staleCount(2, 'en'),
        '1 need has waited 3 days or more for someone.',
        '2 needs have waited 3 days or more for someone.',
      ],
      [
        board.es.staleCount(1, 'es'),
        board.es.staleCount(2, 'es'),
        '1 necesidad lleva 3 días o más esperando a alguien.',
        '2 necesidades llevan 3 días o más esperando a alguien.',
      ],
    ];
    for (const [one, other, wantOne, wantOther] of cases) {
      expect(one).to.equal(wantOne);
      expect(other).to.equal(wantOther);
    }
    expect(board.en.loadShared(1, 'en')).to.equal('This week’s help was shared among 1 person. Thank you.');
    expect(board.es.loadShared(5, 'es')).to.contain('entre 5 personas.');
    expect(board.en.loadMost(2, 1200, 'en')).to.contain('came from 2 of the 1,200 people who helped.');
    expect(board.es.loadMost(1, 9, 'es')).to.contain('vino de muy pocas de las 9 personas');
    expect(board.en.nudgeBody(1, 3, 'en')).to.contain('You already have 1 thing on this week.');
    expect(board.es.nudgeBody(4, 3, 'es')).to.contain('Ya tienes 4 cosas pendientes esta semana.');
  });

  it('check-in: people, with and without names', () => {
    expect(capacity.en.withRoom(1, 'en')).to.equal('1 person has room right now.');
    expect(capacity.en.withRoom(3, 'en')).to.equal('3 people have room right now.');
    expect(capacity.es.withRoom(1, 'es')).to.equal('1 persona tiene margen ahora.');
    expect(capacity.es.withRoom(3, 'es')).to.equal('3 personas tienen margen ahora.');
    expect(capacity.en.kindTotal(1, 'en')).to.equal('1 person');
    expect(capacity.es.kindTotal(2, 'es')).to.equal('2 personas');
    expect(capacity.es.unnamed(3, 'es')).to.equal('3 más (sin nombre)');
    expect(capacity.en.lowStretch(5, 'en')).to.contain('on 5 of the last 7 days');
  });

  it('reflection prompt and storage notice', () => {
    expect(reflectionEn.readersHere(1)).to.equal('1 reader reflected here.');
    expect(reflectionEn.readersHere(3)).to.equal('3 readers reflected here.');
    expect(reflectionEs.readersHere(1)).to.equal('1 persona reflexionó aquí.');
    expect(reflectionEs.readersHere(1200)).to.equal('1200 personas reflexionaron aquí.');
    expect(reflectionEn.yours(1200)).to.equal('Your reflections (1,200)');
    expect(reflectionEs.yours(12000)).to.equal('Tus reflexiones (12.000)');
    expect(reflectionEn.confirmDeleteAll(1)).to.equal(
      'Delete your 1 reflection from this browser? It can’t be brought back.',
    );
    expect(reflectionEs.confirmDeleteAll(2)).to.equal(
      '¿Borrar tus 2 reflexiones de este navegador? No se podrán recuperar.',
    );
    expect(storageEn.waiting(1)).to.equal('Waiting to sync (1 change).');
    expect(storageEs.waiting(2)).to.equal('Pendiente de sincronizar (2 cambios).');
  });
});

describe('typography per language', () => {
  it('quotes with “…” in English and «…» in Spanish', () => {
    expect(capacity.en.quoted('can listen')).to.equal('“can listen”');
    expect(capacity.es.quoted('puedo escuchar')).to.equal('«puedo escuchar»');
    expect(reflectionEs.onPost('hola')).to.equal('sobre «hola»');
    for (const messages of [board.es, capacity.es, reflectionEs, storageEs])
      for (const [key, value] of Object.entries(messages))
        if (typeof value === 'string') expect(value, key).not.to.match(/[“”"]/);
  });

  it('Spanish has no masculine-only words for people', () => {
    const masculine = /\b(dispuestos?|a todos|cansados?|listos?|apuntados?)\b/i;
    const said = [board.es.error('full'), board.es.state('full'), board.es.withdrawnNote('Ana')];
    for (const messages of [board.es, capacity.es, reflectionEs, storageEs])
      for (const value of Object.values(messages)) if (typeof value === 'string') said.push(value);
    for (const text of said) expect(text).not.to.match(masculine);
  });
});
