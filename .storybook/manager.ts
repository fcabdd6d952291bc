// The docs site's frame: named tend (sidebar and tab title), light or dark as the reader's system.
import { addons } from 'storybook/manager-api';
import { create } from 'storybook/theming';

const dark = globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;

addons.setConfig({ theme: create({ base: dark ? 'dark' : 'light', brandTitle: 'tend' }) });
