import * as stories from '../../stories/tend-concern.stories.js';
import { screenshotStories } from './storybook.js';

describe('tend-concern stories', () => screenshotStories(stories));
