import * as stories from '../../stories/tend-moderation.stories.js';
import { screenshotStories } from './storybook.js';

describe('tend-moderation stories', () => screenshotStories(stories));
