import * as stories from '../../stories/tend-offer-board.stories.js';
import { screenshotStories } from './storybook.js';

describe('tend-offer-board stories', () => screenshotStories(stories));
