/**
 * The counts the moderation words show, in English and Spanish: the noun agrees with the number
 * by each language's plural rules ("1 post hidden", "Waiting 3 days for an answer").
 */
import { expect } from '@open-wc/testing';
import { en as boardEn } from '../../src/elements/offer-board/offer-board.messages.js';
import { es as boardEs } from '../../src/elements/offer-board/offer-board.es.js';
import { en as moderationEn } from '../../src/elements/moderation/moderation.messages.js';
import { es as moderationEs } from '../../src/elements/moderation/moderation.es.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('moderation counts in words', () => {
  it('the board: how many posts a moderator hid', () => {
    expect(boardEn.hiddenCount(1, 'en')).to.equal('1 post hidden by a moderator.');
    expect(boardEn.hiddenCount(3, 'en')).to.equal('3 posts hidden by a moderator.');
    expect(boardEs.hiddenCount(1, 'es')).to.equal('1 publicación ocultada por la moderación.');
    expect(boardEs.hiddenCount(3, 'es')).to.equal('3 publicaciones ocultadas por la moderación.');
  });

  it('the moderators’ view: how long a concern has waited, in the largest whole unit', () => {
    const cases: [number, string, string][] = [
      [0, 'Waiting 1 minute for an answer', 'Esperando respuesta desde hace 1 minuto'],
      [5 * MINUTE, 'Waiting 5 minutes for an answer', 'Esperando respuesta desde hace 5 minutos'],
      [HOUR, 'Waiting 1 hour for an answer', 'Esperando respuesta desde hace 1 hora'],
      [23 * HOUR, 'Waiting 23 hours for an answer', 'Esperando respuesta desde hace 23 horas'],
      [DAY, 'Waiting 1 day for an answer', 'Esperando respuesta desde hace 1 día'],
      [1200 * DAY, 'Waiting 1,200 days for an answer', 'Esperando respuesta desde hace 1200 días'],
    ];
    for (const [ms, english, spanish] of cases) {
      expect(moderationEn.waited(ms, 'en')).to.equal(english);
      expect(moderationEs.waited(ms, 'es')).to.equal(spanish);
    }
    expect(moderationEn.closedHeading(1200, 'en')).to.equal('Closed (1,200)');
    expect(moderationEs.closedHeading(1200, 'es')).to.equal('Cerradas (1200)');
  });
});
