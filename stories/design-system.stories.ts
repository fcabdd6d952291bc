import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { LitElement, html, type TemplateResult } from 'lit';
import { controls } from '../src/styles/controls.js';
import { layout } from '../src/styles/layout.js';
import { tokens } from '../src/styles/tokens.js';

/** A sample of every piece of the design system (docs/design.md), drawn with the real styles. */
class DesignSample extends LitElement {
  static override styles = [tokens, controls, layout];

  protected override render(): TemplateResult {
    return html`<div class="surface" part="base">
      <h2>Widget heading</h2>
      <p class="muted">Body text in the page's own font and size, muted where it explains.</p>
      <h3>Section heading</h3>
      <div class="actions">
        <button type="button" class="primary">Primary</button>
        <button type="button">Default</button>
        <button type="button" class="quiet">Quiet</button>
        <button type="button" class="danger">Danger</button>
        <button type="button" aria-pressed="true">Pressed</button>
      </div>
      <div
        class="fields"
        style="display:grid;gap:var(--_space-m);grid-template-columns:repeat(auto-fit,minmax(12rem,1fr))"
      >
        <label>A text field <input value="Some words" /></label>
        <label
          >A choice
          <select>
            <option>Listening</option>
          </select></label
        >
        <label
          >A field to fix
          <input aria-invalid="true" aria-describedby="fix" />
          <span class="field-error" id="fix">Say a little more here.</span>
        </label>
      </div>
      <fieldset>
        <legend>A question with choices</legend>
        <div class="choices">
          <label class="choice"><input type="radio" name="r" checked /> Chosen</label>
          <label class="choice"><input type="radio" name="r" /> Not chosen</label>
          <label class="choice"><input type="checkbox" /> A checkbox</label>
        </div>
        <p class="hint">A hint under a question, in small print.</p>
      </fieldset>
      <div class="card">
        <p><span class="badge">Badge</span> A card: one record inside the surface.</p>
      </div>
      <p class="message">Information: how things are.</p>
      <p class="message success">Success: what just happened.</p>
      <p class="message error">Error: what went wrong, and what to do.</p>
      <div class="storage-notice"><p>The storage line: where things are saved.</p></div>
    </div>`;
  }
}
if (!customElements.get('tend-design-sample')) customElements.define('tend-design-sample', DesignSample);

const meta: Meta = {
  title: 'Design system/Pieces',
  render: (): TemplateResult => html`<tend-design-sample></tend-design-sample>`,
};
export default meta;

/** Every piece, in the theme of the toolbar. */
export const Pieces: StoryObj = {};
