import * as checkIn from '../../stories/tend-capacity-check-in.stories.js';
import * as board from '../../stories/tend-offer-board.stories.js';
import * as reflection from '../../stories/tend-reflection-prompt.stories.js';
import { BLOG, COMMUNITY, screenshotOnHosts, storyOf } from './storybook.js';

/** Each element's main story, on a site's own page instead of Storybook's. */
const main = [storyOf(board, 'Busy'), storyOf(checkIn, 'BusyCircle'), storyOf(reflection, 'MidDraft')];

describe('each element on a blog and on a community site', () => screenshotOnHosts(main, [BLOG, COMMUNITY]));
