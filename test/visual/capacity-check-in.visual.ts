import * as stories from '../../stories/tend-capacity-check-in.stories.js';
import { screenshotStories } from './storybook.js';

describe('tend-capacity-check-in stories', () => screenshotStories(stories));
