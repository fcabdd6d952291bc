import * as stories from '../../stories/tend-offer-board-moderation.stories.js';
import { screenshotStories } from './storybook.js';

describe('tend-offer-board moderation stories', () => screenshotStories(stories));
