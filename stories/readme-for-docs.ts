/**
 * The README as the docs site's first page shows it (stories/introduction.mdx imports the file
 * itself, so the page and the README never drift): every section but those only for working on
 * tend. Links to other files of the repository become their plain text, since the site has no
 * such pages.
 */

/** README sections (`## …` headings) that are for people working on tend, not for sites. */
const FOR_CONTRIBUTORS = new Set(['Try it', 'Contributing']);

/** A Markdown link whose target is a path in the repository (no scheme, not an anchor). */
const REPOSITORY_LINK = /\[([^\]\n]+)\]\((?![a-z][a-z\d+.-]*:|#)[^)\s]+\)/gi;

/** The README's text, without the contributors' sections, repository links made plain text. */
export function readmeForDocs(readme: string): string {
  const kept: string[] = [];
  let fenced = false;
  let skipping = false;
  for (const line of readme.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    else if (!fenced && line.startsWith('## ')) skipping = FOR_CONTRIBUTORS.has(line.slice(3).trim());
    if (skipping) continue;
    kept.push(fenced || line.startsWith('```') ? line : line.replace(REPOSITORY_LINK, '$1'));
  }
  return kept.join('\n');
}
