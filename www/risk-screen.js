// <risk-screen>: the widget as a custom element.
//
//   <script type="module" src="https://widget.example.org/risk-screen.js"></script>
//   <risk-screen questionnaire="ngo-intake" lang="uk" country="PL" share-result></risk-screen>
//
// Attributes are the vocabulary of options.js (questionnaire, helplines,
// helplines-add, lang, country, exit-url, theme-accent, theme-accent-text,
// theme-background, theme-text, share-result). The widget renders in the
// element's Shadow DOM (see widget.js). Changing an attribute starts the check
// again with the new options (answers dropped); removing the element tears the
// app down. With share-result, the element dispatches `riskscreen:complete`
// (detail: the result summary) when the person chooses to share.
//
// When the check cannot start, the element shows widget.js's fallback box (the
// quick exit, 112, the country's helplines, in the person's language). Markup the
// page puts inside <risk-screen> is the embedder's own fallback: it shows only
// while no script of ours has run (the shadow root hides it from then on).

import { mount } from "./widget.js";
import { ATTRIBUTES, optionsFrom } from "./options.js";

class RiskScreen extends HTMLElement {
  static get observedAttributes() {
    return Object.keys(ATTRIBUTES);
  }

  #handle = null;
  #generation = 0;

  connectedCallback() {
    this.#start();
  }

  disconnectedCallback() {
    this.#stop();
  }

  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.isConnected && this.#generation > 0) {
      this.#start();
    }
  }

  #stop() {
    this.#generation += 1;
    if (this.#handle) {
      this.#handle.destroy();
      this.#handle = null;
    }
  }

  #start() {
    this.#stop();
    const generation = this.#generation;
    const options = optionsFrom((name) => this.getAttribute(name));
    mount(this, options).then(
      (handle) => {
        // Removed or restarted while loading: this mount is already stale.
        if (generation !== this.#generation || !this.isConnected) {
          handle.destroy();
        } else {
          this.#handle = handle;
        }
      },
      () => {
        // mount() has shown the fallback box in the element and logged why.
      },
    );
  }
}

if (!customElements.get("risk-screen")) {
  customElements.define("risk-screen", RiskScreen);
}
