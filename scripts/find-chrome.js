// Finds a local Chrome or Chromium for the browser tests, so a newcomer never needs a browser
// download. Run directly, it prints one clear line and exits 1 when there is none.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** @returns {string | undefined} the path of a Chrome or Chromium binary, if one is found */
export function findChrome() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return candidates.find((path) => existsSync(path));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = findChrome();
  if (!found || !existsSync(found)) {
    console.error(
      'tend: the browser tests need Chrome or Chromium. Install one (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to its binary.',
    );
    process.exit(1);
  }
}
