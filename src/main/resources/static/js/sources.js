// The sources panel beside the answer: the list of passages an answer drew on, and one passage at a time with
// the cited sentence marked. Passage text goes in as text nodes around a <mark>, never as HTML.

import { byId, el, prefersReducedMotion, replace, outOfView } from './dom.js';

const SNIPPET = 160;

/** "report.pdf · page 2", and "(scanned)" when the passage was read by OCR from a scan or an image. */
export function whereFrom(source) {
  const parts = [source.fileName];
  if (source.page !== null && source.page !== undefined) {
    parts.push(`page ${source.page}`);
  }
  return parts.filter(Boolean).join(' · ') + scannedNote(source);
}

/** "Source 1: Heating manual, page 2 (scanned)", for a citation button's accessible name. */
export function citationLabel(source) {
  const page = source.page !== null && source.page !== undefined ? `, page ${source.page}` : '';
  return `Source ${source.n}: ${source.title}${page}${scannedNote(source)}`;
}

/** " (scanned)" for text read by OCR, whose words may be misread: the confidence is in the tooltip's place. */
function scannedNote(source) {
  return source.scanned ? ' (scanned)' : '';
}

function snippet(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET ? `${flat.slice(0, SNIPPET).replace(/\s\S*$/, '')}…` : flat;
}

export class SourcesPanel {
  constructor() {
    this.panel = byId('sources-panel');
    this.body = byId('sources-body');
    this.heading = byId('sources-heading');
    this.back = byId('sources-back');
    this.sources = [];
    this.cited = null;
    this.title = 'Sources';
    this.trigger = null;
    this.back.addEventListener('click', () => this.showList({ focus: true }));
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !this.back.hidden) {
        event.preventDefault();
        const trigger = this.trigger;
        this.showList();
        if (trigger?.isConnected) {
          trigger.focus();
        }
      }
    });
  }

  reset() {
    this.sources = [];
    this.cited = null;
    this.heading.textContent = 'Sources';
    this.back.hidden = true;
    replace(this.body, el('p', { class: 'empty-note', text: 'The passages an answer draws on appear here.' }));
  }

  loading() {
    this.sources = [];
    this.back.hidden = true;
    this.heading.textContent = 'Sources';
    replace(this.body, el('p', { class: 'loading-note' },
      el('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Finding the passages…'));
  }

  /**
   * The sources given to the answerer. `cited` (a Set of numbers) marks those the answer cites; null while the
   * answer is being written. `title` heads the list.
   */
  setSources(sources, { cited = null, title = 'Sources' } = {}) {
    this.sources = sources;
    this.cited = cited;
    this.title = title;
    if (this.back.hidden) {
      this.showList();
    } else if (this.current) {
      this.show(this.current.n, this.current.cited);
    }
  }

  source(n) {
    return this.sources.find((source) => source.n === n);
  }

  isCited(source) {
    return Boolean(this.cited?.has(source.n));
  }

  showList({ focus = false } = {}) {
    this.current = null;
    this.back.hidden = true;
    this.heading.textContent = this.title;
    document.querySelectorAll('.cite[aria-current]').forEach((button) => button.removeAttribute('aria-current'));
    document.querySelectorAll('.sentence.is-active').forEach((node) => node.classList.remove('is-active'));
    if (!this.sources.length) {
      replace(this.body, el('p', { class: 'empty-note', text: 'No passages were found for this question.' }));
      return;
    }
    const someCited = Boolean(this.cited?.size);
    const ordered = [...this.sources].sort((a, b) => Number(this.isCited(b)) - Number(this.isCited(a)) || a.n - b.n);
    const count = `${this.sources.length} ${this.sources.length === 1 ? 'passage' : 'passages'}`;
    const note = someCited
      ? `The answer cites ${this.cited.size} of ${count}. Select one to read it.`
      : `${count}. Select one to read it.`;
    replace(this.body,
      el('p', { class: 'small-note', text: note }),
      el('ol', { class: `source-list${someCited ? ' has-cited' : ''}` }, ordered.map((source) => el('li', {},
        el('button', {
          type: 'button',
          class: `source-item${this.isCited(source) ? ' is-cited' : ''}`,
          'aria-label': `${citationLabel(source)}${this.isCited(source) ? ', cited' : ''}`,
          onclick: (event) => this.show(source.n, null, event.currentTarget),
        },
        el('span', { class: 'badge', 'aria-hidden': 'true', text: source.n }),
        el('span', { class: 'source-item-body' },
          el('span', { class: 'source-title', text: source.title }),
          el('span', { class: 'source-meta', text: whereFrom(source) + (this.isCited(source) ? ' · cited' : '') }),
          el('span', { class: 'source-snippet', text: snippet(source.chunkText) })))))));
    if (focus) {
      this.heading.focus({ preventScroll: true });
    }
  }

  /**
   * Shows passage n. `cited` ({supported, support}, or null) is what a citation of a checked answer sentence stands
   * for: the sentence of this passage that supports it, as the server found it, is marked. `trigger`: where focus
   * goes back to.
   */
  show(n, cited, trigger = null, { step = null } = {}) {
    const source = this.source(n);
    if (!source) {
      return;
    }
    this.current = { n, cited };
    if (trigger) {
      this.trigger = trigger;
    }
    this.back.hidden = false;
    this.heading.textContent = `Source ${n}`;
    const text = source.chunkText;
    const support = cited?.supported ? cited.support : null;
    const found = support && support.end <= text.length ? support : null;
    const passage = el('div', {
      class: 'passage-text', tabindex: '0', role: 'region', 'aria-label': `Passage of source ${n}`,
    });
    let mark = null;
    if (found) {
      mark = el('mark', { class: found.quoted ? 'quote' : 'quote is-near', text: text.slice(found.start, found.end) });
      passage.append(text.slice(0, found.start), mark, text.slice(found.end));
    } else {
      passage.append(text);
    }
    let note = null;
    if (found?.quoted) {
      note = 'The highlighted sentence is the one the answer cites.';
    } else if (found) {
      note = 'The answer puts it in its own words; the closest sentence of the passage is highlighted.';
    } else if (cited) {
      note = 'No sentence of this passage backs the cited sentence.';
    }
    const index = this.sources.findIndex((item) => item.n === n);
    const previous = this.sources[index - 1];
    const next = this.sources[index + 1];
    replace(this.body,
      el('div', { class: 'passage-head' },
        el('span', { class: 'badge badge-large', 'aria-hidden': 'true', text: n }),
        el('div', { class: 'passage-heading' },
          el('h3', { class: 'passage-title', text: source.title }),
          source.about && el('p', { class: 'passage-about', text: source.about }),
          el('p', { class: 'passage-meta', text: whereFrom(source) }))),
      note && el('p', { class: 'small-note', text: note }),
      passage,
      this.sources.length > 1 && el('div', { class: 'passage-nav' },
        el('button', {
          type: 'button', class: 'button button-quiet button-small', disabled: !previous,
          dataset: { step: 'previous' },
          onclick: () => this.show(previous.n, null, null, { step: 'previous' }),
          'aria-label': previous ? `Previous: ${citationLabel(previous)}` : 'No previous source',
        }, '← Previous'),
        el('span', { class: 'small-note', text: `${index + 1} of ${this.sources.length}` }),
        el('button', {
          type: 'button', class: 'button button-quiet button-small', disabled: !next,
          dataset: { step: 'next' },
          onclick: () => this.show(next.n, null, null, { step: 'next' }),
          'aria-label': next ? `Next: ${citationLabel(next)}` : 'No next source',
        }, 'Next →')));
    if (mark) {
      // scroll the passage box, not the page, to the marked sentence
      passage.scrollTop = Math.max(0, mark.offsetTop - 48);
    }
    document.querySelectorAll('.cite[aria-current]').forEach((button) => button.removeAttribute('aria-current'));
    if (trigger?.classList.contains('cite')) {
      trigger.setAttribute('aria-current', 'true');
    }
    document.querySelectorAll('.sentence.is-active').forEach((node) => node.classList.remove('is-active'));
    trigger?.closest('.sentence')?.classList.add('is-active');
    if (trigger && outOfView(this.panel)) {
      this.panel.scrollIntoView({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    }
    if (trigger) {
      this.heading.focus({ preventScroll: true });
    } else if (step) {
      // the button pressed was replaced: keep focus on its successor, or on the panel at either end
      const again = this.body.querySelector(`[data-step="${step}"]`);
      (again && !again.disabled ? again : this.heading).focus({ preventScroll: true });
    }
  }
}
