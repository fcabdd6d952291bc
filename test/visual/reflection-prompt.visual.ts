import * as stories from '../../stories/tend-reflection-prompt.stories.js';
import { screenshotStories } from './storybook.js';

describe('tend-reflection-prompt stories', () => screenshotStories(stories));
