import * as stories from '../../stories/tend-provider.stories.js';
import { screenshotStories } from './storybook.js';

describe('tend-provider stories', () => screenshotStories(stories));
