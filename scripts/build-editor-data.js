// Editor data for tend's elements, generated from custom-elements.json so it never drifts
// (run by `npm run build`, after the library build):
// - dist/vscode.html-custom-data.json: VS Code's HTML custom data (tags, attributes, values);
// - dist/web-types.json: JetBrains web-types (tags, attributes, events, slots, CSS parts and
//   custom properties), referenced from package.json's "web-types".
// Fails when an element of the manifest would be missing from either file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(`${root}custom-elements.json`, 'utf8'));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

/** Every public element: a declaration with a tag name. */
const elements = manifest.modules.flatMap((module) =>
  (module.declarations ?? []).filter((d) => d.customElement && d.tagName),
);

/** `'a' | 'b'` (or `… | undefined`) → ['a', 'b']; anything else → []. */
function literalValues(type) {
  const parts = (type ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined');
  return parts.every((part) => /^'[^']*'$/.test(part)) ? parts.map((part) => part.slice(1, -1)) : [];
}

const vscode = {
  version: 1.1,
  tags: elements.map((element) => ({
    name: element.tagName,
    description: element.summary ?? element.description ?? '',
    attributes: (element.attributes ?? []).map((attribute) => {
      const values = literalValues(attribute.type?.text);
      return {
        name: attribute.name,
        description: attribute.description ?? '',
        ...(values.length ? { values: values.map((name) => ({ name })) } : {}),
      };
    }),
  })),
};

const webTypes = {
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map((element) => ({
        name: element.tagName,
        description: element.summary ?? element.description ?? '',
        attributes: (element.attributes ?? []).map((attribute) => ({
          name: attribute.name,
          description: attribute.description ?? '',
          ...(attribute.default ? { default: attribute.default } : {}),
          value: { type: attribute.type?.text ?? 'string' },
        })),
        events: (element.events ?? []).map((event) => ({
          name: event.name,
          description: event.description ?? '',
        })),
        slots: (element.slots ?? []).map((slot) => ({
          name: slot.name,
          description: slot.description ?? '',
        })),
        css: {
          parts: (element.cssParts ?? []).map((part) => ({
            name: part.name,
            description: part.description ?? '',
          })),
          properties: (element.cssProperties ?? []).map((property) => ({
            name: property.name,
            description: [property.description, property.default && `Default: \`${property.default}\``]
              .filter(Boolean)
              .join(' '),
          })),
        },
      })),
    },
  },
};

const tags = elements.map((element) => element.tagName);
for (const [file, listed] of [
  ['vscode.html-custom-data.json', vscode.tags.map((tag) => tag.name)],
  ['web-types.json', webTypes.contributions.html.elements.map((element) => element.name)],
]) {
  const missing = tags.filter((tag) => !listed.includes(tag));
  if (!tags.length || missing.length) {
    console.error(`editor data: ${file} lacks ${missing.join(', ') || 'every element'}`);
    process.exit(1);
  }
}

mkdirSync(`${root}dist`, { recursive: true });
writeFileSync(`${root}dist/vscode.html-custom-data.json`, `${JSON.stringify(vscode, null, 2)}\n`);
writeFileSync(`${root}dist/web-types.json`, `${JSON.stringify(webTypes, null, 2)}\n`);
console.log(`editor data: ${tags.join(', ')} → dist/vscode.html-custom-data.json, dist/web-types.json`);
