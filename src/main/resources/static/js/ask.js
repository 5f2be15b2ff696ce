// Asking: the question box, the streamed answer with its citation buttons, and what the answer is (quoted,
// written by a model, a fallback, an abstention). Model output is rendered as text nodes only.

import { streamAnswer } from './api.js';
import { pieces } from './answer-text.js';
import { announce, byId, el, emit, on, replace } from './dom.js';
import { formatDuration, plural } from './format.js';
import { describe, fallbackWords } from './problems.js';
import { SourcesPanel, citationLabel, whereFrom } from './sources.js';

/** Past this, a GET URL risks the server's header limit; the server's own question limit is usually lower. */
const MAX_URL_LENGTH = 7000;

export class Ask {
  constructor() {
    this.form = byId('ask-form');
    this.question = byId('question');
    this.button = byId('ask-button');
    this.error = byId('question-error');
    this.answer = byId('answer');
    this.status = byId('answer-status');
    this.statusText = byId('answer-status-text');
    this.notes = byId('answer-notes');
    this.copy = byId('copy-answer');
    this.thread = byId('thread');
    this.currentQuestion = byId('current-question');
    this.searchedFor = byId('searched-for');
    this.newConversationButton = byId('new-conversation');
    this.conversationId = null;
    this.asked = null;
    this.scopeBox = byId('scope');
    this.scopeTitle = byId('scope-title');
    this.sources = new SourcesPanel();
    this.run = null;
    this.scope = null;
    this.final = null;
    this.titles = new Map();

    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.run) {
        this.stop();
      } else {
        this.ask(this.question.value);
      }
    });
    this.question.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.isComposing) {
        event.preventDefault();
        this.ask(this.question.value);
      } else if (event.key === 'Escape' && this.run) {
        event.preventDefault();
        this.stop();
      }
    });
    this.question.addEventListener('input', () => {
      this.fitQuestion();
      this.showError('');
    });
    this.answer.addEventListener('click', (event) => {
      const button = event.target.closest('button.cite');
      if (button) {
        this.sources.show(Number(button.dataset.n), this.citedFrom(button), button);
      }
    });
    this.copy.addEventListener('click', () => this.copyAnswer());
    this.newConversationButton.addEventListener('click', () => {
      this.newConversation();
      this.question.focus();
    });
    byId('scope-clear').addEventListener('click', () => {
      this.setScope(null);
      this.question.focus();
    });
    document.addEventListener('keydown', (event) => {
      const typing = event.target.closest('input, textarea, select, [contenteditable]');
      const modal = document.querySelector('dialog[open]');
      if (event.key === '/' && !typing && !modal && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        this.question.focus();
        this.question.select();
      }
    });
    window.addEventListener('popstate', () => this.fromUrl());
    on('scope', (scope) => {
      this.setScope(scope);
      this.question.focus();
      this.question.select();
      this.question.scrollIntoView({ block: 'center' });
    });
    on('documents-listed', (documents) => {
      this.titles = new Map(documents.map((doc) => [doc.id, doc.title]));
      if (this.scope && this.titles.has(this.scope.id)) {
        this.setScope({ id: this.scope.id, title: this.titles.get(this.scope.id) });
      }
    });
    on('document-deleted', (id) => {
      if (this.scope?.id === id) {
        this.setScope(null);
      }
    });
  }

  /** For a user who may not ask: the question box and its button, disabled, with the reason. */
  disable(reason) {
    this.question.disabled = true;
    this.button.disabled = true;
    this.showError(reason);
  }

  /** Asks the question in the address (?q=...), if there is one: answers can be bookmarked and shared. */
  fromUrl() {
    const params = new URLSearchParams(window.location.search);
    const question = params.get('q');
    const doc = params.get('doc');
    // the title comes from the document list, never from the address
    this.setScope(doc ? { id: doc, title: this.titles.get(doc) || 'one document' } : null);
    // a question from the address (a reload, a bookmark) starts a conversation of its own
    this.conversationId = null;
    replace(this.thread);
    this.thread.hidden = true;
    this.newConversationButton.hidden = true;
    if (question) {
      this.question.value = question;
      this.fitQuestion();
      this.ask(question, { remember: false });
    } else {
      this.reset();
    }
  }

  /**
   * A new conversation: earlier questions no longer count, and the page is back as it opens. Follow-ups in a
   * conversation are searched for with what came before ("when did it open?"); the server says what it searched for.
   */
  newConversation() {
    this.conversationId = null;
    replace(this.thread);
    this.thread.hidden = true;
    this.newConversationButton.hidden = true;
    this.reset();
  }

  /** The answered question moves up into the thread, as text, before the next one is asked. */
  keepTurn() {
    if (!this.final || !this.asked) {
      return;
    }
    const turn = el('li', { class: 'thread-turn' },
      el('p', { class: 'thread-question', text: this.asked }));
    if (this.final.searchedFor && this.final.searchedFor !== this.asked) {
      turn.append(el('p', { class: 'thread-searched', text: `Searched for: ${this.final.searchedFor}` }));
    }
    turn.append(el('p', { class: 'thread-answer', text: this.final.answer }));
    this.thread.append(turn);
    this.thread.hidden = false;
    this.thread.scrollTop = this.thread.scrollHeight;
  }

  showSearchedFor(question, searchedFor) {
    const differs = Boolean(searchedFor) && searchedFor !== question;
    this.searchedFor.hidden = !differs;
    this.searchedFor.textContent = differs ? `Searched for: ${searchedFor}` : '';
  }

  /** Back to the page as it opens: no answer, no sources. */
  reset() {
    this.run?.controller.abort();
    this.final = null;
    this.asked = null;
    this.currentQuestion.hidden = true;
    this.showSearchedFor(null, null);
    this.question.value = '';
    this.fitQuestion();
    document.title = 'Groundwork';
    this.copy.hidden = true;
    replace(this.notes);
    replace(this.answer, el('p', {
      class: 'empty-note',
      text: 'Answers quote or cite your documents, sentence by sentence. Select a citation number to read the '
        + 'passage it comes from.',
    }));
    this.answer.classList.remove('is-abstained', 'is-error');
    this.setStatus('Ask a question to begin.', 'idle');
    this.sources.reset();
  }

  setScope(scope) {
    this.scope = scope;
    this.scopeBox.hidden = !scope;
    this.scopeTitle.textContent = scope ? scope.title : '';
  }

  fitQuestion() {
    if (CSS.supports('field-sizing', 'content')) {
      return;
    }
    this.question.style.height = 'auto';
    this.question.style.height = `${this.question.scrollHeight + 2}px`;
  }

  showError(message) {
    this.error.hidden = !message;
    this.error.textContent = message;
    if (message) {
      this.question.setAttribute('aria-invalid', 'true');
    } else {
      this.question.removeAttribute('aria-invalid');
    }
  }

  setStatus(text, state) {
    this.statusText.textContent = text;
    this.status.dataset.state = state;
  }

  stop() {
    this.run?.controller.abort();
  }

  async ask(rawQuestion, { remember = true } = {}) {
    const question = rawQuestion.trim();
    if (!question) {
      this.showError('Type a question first.');
      this.question.focus();
      return;
    }
    const params = { question, documentId: this.scope?.id, conversationId: this.conversationId };
    if (new URLSearchParams(params).toString().length > MAX_URL_LENGTH) {
      this.showError('The question is too long. Shorten it and ask again.');
      return;
    }
    this.showError('');
    this.run?.controller.abort();
    if (remember) {
      this.remember(question);
    }
    this.keepTurn();
    this.asked = question;
    this.currentQuestion.textContent = question;
    this.currentQuestion.hidden = !this.conversationId;
    this.showSearchedFor(null, null);
    document.title = `${question} · Groundwork`;
    const run = {
      controller: new AbortController(),
      streamed: '',
      tail: document.createTextNode(''),
      tailFrom: 0,
      failed: false,
      sourcesByN: new Map(),
    };
    this.run = run;
    this.final = null;
    this.button.textContent = 'Stop';
    this.button.classList.add('is-stop');
    this.copy.hidden = true;
    replace(this.notes);
    replace(this.answer, run.tail);
    this.answer.setAttribute('aria-busy', 'true');
    this.answer.classList.remove('is-abstained', 'is-error');
    this.answer.classList.add('is-streaming');
    this.setStatus('Searching your documents…', 'busy');
    this.sources.loading();
    try {
      await streamAnswer(params, {
        signal: run.controller.signal,
        onEvent: (name, data) => {
          if (this.run === run) {
            this.handle(run, name, JSON.parse(data));
          }
        },
      });
      if (this.run === run && !this.final && !run.failed) {
        throw Object.assign(new Error('cut'), { code: 'STREAM_CUT' });
      }
    } catch (error) {
      if (this.run !== run) {
        return;
      }
      if (error.code === 'CONVERSATION_NOT_FOUND' && this.conversationId) {
        // the server no longer keeps this conversation: the question starts a new one
        this.run = null;
        this.newConversation();
        this.question.value = question;
        this.fitQuestion();
        this.ask(question, { remember: false });
        return;
      }
      if (error.name === 'AbortError') {
        this.finishStreaming(run);
        this.setStatus('Stopped. What came so far is shown.', 'idle');
        announce('Answer stopped.');
      } else if (!this.final && !run.failed) {
        this.showFailure(error);
      }
    } finally {
      if (this.run === run) {
        this.run = null;
        this.answer.setAttribute('aria-busy', 'false');
        this.answer.classList.remove('is-streaming');
        this.button.textContent = 'Ask';
        this.button.classList.remove('is-stop');
      }
      // the index panel's figures count this answer now
      emit('answer-done');
    }
  }

  remember(question) {
    const params = new URLSearchParams({ q: question });
    if (this.scope) {
      params.set('doc', this.scope.id);
    }
    const url = `?${params}`;
    if (url !== window.location.search) {
      window.history.pushState(null, '', url);
    }
  }

  handle(run, name, data) {
    if (name === 'sources') {
      if (data.conversationId) {
        this.conversationId = data.conversationId;
      }
      this.showSearchedFor(data.question, data.searchedFor);
      for (const source of data.sources) {
        run.sourcesByN.set(source.n, source);
      }
      this.sources.setSources(data.sources);
      this.setStatus(data.sources.length
        ? `Writing the answer from ${plural(data.sources.length, 'passage', 'passages')}…`
        : 'Writing the answer…', 'busy');
    } else if (name === 'token') {
      this.stream(run, data);
    } else if (name === 'done') {
      this.showAnswer(run, data);
    } else if (name === 'error') {
      run.failed = true;
      this.showFailure({ code: data.code, detail: data.detail });
    }
  }

  /**
   * Shows a streamed token. Text after the last marker stays in one text node that grows with each token; a marker
   * the server reports as complete ends that node and becomes a button, and a new node follows it.
   */
  stream(run, token) {
    run.streamed += token.text;
    for (const marker of token.markers || []) {
      if (marker.start < run.tailFrom) {
        continue;
      }
      run.tail.textContent = run.streamed.slice(run.tailFrom, marker.start);
      this.answer.append(this.citations(marker.citations, run, null));
      run.tail = document.createTextNode('');
      this.answer.append(run.tail);
      run.tailFrom = marker.end;
    }
    run.tail.textContent = run.streamed.slice(run.tailFrom);
  }

  /** A marker's citations as buttons that open their source; `sentence`: the index of the sentence they belong to. */
  citations(numbers, run, sentence) {
    const group = el('span', { class: 'cites' });
    for (const n of numbers) {
      const source = run.sourcesByN.get(n);
      if (!source) {
        group.append(`[${n}]`);
        continue;
      }
      group.append(el('button', {
        type: 'button',
        class: 'cite',
        'aria-label': citationLabel(source),
        'aria-controls': 'sources-panel',
        dataset: sentence === null ? { n: String(n) } : { n: String(n), sentence: String(sentence) },
      }, String(n)));
    }
    return group;
  }

  /**
   * What a citation button stands for: the sentence of the checked answer it belongs to, and the sentence of its
   * source that supports that one (as the server found it); null while the answer streams.
   */
  citedFrom(button) {
    const sentence = this.final?.sentences?.[Number(button.dataset.sentence)];
    if (button.dataset.sentence === undefined || !sentence) {
      return null;
    }
    const n = Number(button.dataset.n);
    return {
      supported: sentence.supported,
      support: (sentence.supportedBy || []).find((supporting) => supporting.n === n) || null,
    };
  }

  /** Writes text[from, to) into `target`: plain text as text nodes, the given markers as citation buttons. */
  writeWithMarkers(target, text, markers, from, to, run, sentence) {
    for (const piece of pieces(text, markers, from, to)) {
      target.append(piece.marker ? this.citations(piece.marker.citations, run, sentence) : piece.text);
    }
  }

  finishStreaming(run) {
    run.tail.textContent = run.streamed.slice(run.tailFrom);
  }

  /** The checked answer replaces what was streamed: sentences, their support, and what kind of answer it is. */
  showAnswer(run, answer) {
    this.final = answer;
    this.newConversationButton.hidden = false;
    for (const citation of answer.citations) {
      run.sourcesByN.set(citation.n, { ...run.sourcesByN.get(citation.n), ...citation });
    }
    const sources = [...run.sourcesByN.values()].sort((a, b) => a.n - b.n);
    replace(this.answer);
    replace(this.notes);
    if (answer.abstained) {
      this.answer.classList.add('is-abstained');
      this.answer.append(el('p', { class: 'abstained-text', text: answer.answer }));
      this.setStatus(sources.length ? 'Not found in your documents' : 'No documents to answer from yet', 'abstained');
      this.sources.setSources(sources, { cited: new Set(), title: sources.length ? 'Closest passages' : 'Sources' });
      if (sources.length) {
        this.notes.append(el('p', {
          class: 'small-note',
          text: 'None of these passages says enough to answer. Try other words, or add the document that holds the answer.',
        }));
      }
      announce(`No answer: ${answer.answer}`);
      return;
    }
    const cited = new Set(answer.citations.map((citation) => citation.n));
    this.renderSentences(run, answer);
    this.sources.setSources(sources, { cited });
    const unsupported = answer.sentences.filter((sentence) => !sentence.supported).length;
    if (answer.mode === 'llm') {
      this.setStatus('Written by the language model from your documents', 'llm');
    } else {
      this.setStatus('Quoted from your documents', 'extractive');
    }
    if (answer.fallbackReason) {
      this.notes.append(el('p', { class: 'notice notice-warning', role: 'note' },
        el('span', { class: 'notice-icon', 'aria-hidden': 'true', text: '!' }), fallbackWords(answer.fallbackReason)));
    }
    if (unsupported) {
      this.notes.append(el('p', { class: 'notice notice-warning', role: 'note' },
        el('span', { class: 'notice-icon', 'aria-hidden': 'true', text: '?' }),
        `${unsupported === 1 ? 'One sentence is' : `${unsupported} sentences are`} marked “not supported”: the `
        + 'passages cited do not back it. Check before relying on it.'));
    }
    const steered = answer.sentences.filter((sentence) => sentence.repeatsInstruction).length;
    if (steered) {
      this.notes.append(el('p', { class: 'notice notice-warning', role: 'note' },
        el('span', { class: 'notice-icon', 'aria-hidden': 'true', text: '!' }),
        `${steered === 1 ? 'One sentence repeats' : `${steered} sentences repeat`} an instruction found in a `
        + 'document: the document may be trying to steer the answer. Read the passage before acting on it.'));
    }
    if (answer.invalidCitations?.length) {
      this.notes.append(el('p', {
        class: 'small-note',
        text: `The answer cited ${answer.invalidCitations.map((n) => `[${n}]`).join(', ')}, which no passage has; `
          + 'those markers were removed.',
      }));
    }
    const timings = answer.timings;
    if (timings) {
      this.notes.append(el('p', {
        class: 'small-note timings',
        text: `Passages found in ${formatDuration(timings.retrievalMs)} · answered in ${formatDuration(timings.generationMs)}`,
      }));
    }
    this.copy.hidden = !navigator.clipboard;
    announce(`Answer ready${answer.mode === 'llm' ? ', written by the language model' : ', quoted from your documents'}`
      + `, citing ${plural(cited.size, 'source', 'sources')}`
      + `${unsupported ? `; ${plural(unsupported, 'sentence is', 'sentences are')} not supported` : ''}.`);
  }

  /** The checked answer, sentence by sentence, at the places the server gives for each sentence and marker. */
  renderSentences(run, answer) {
    const text = answer.answer;
    let position = 0;
    answer.sentences.forEach((sentence, index) => {
      const start = Math.max(position, sentence.start);
      if (start > position) {
        this.answer.append(text.slice(position, start));
      }
      const span = el('span', { class: `sentence${sentence.supported ? '' : ' is-unsupported'}` });
      this.writeWithMarkers(span, text, sentence.markers || [], start, sentence.end, run, index);
      this.answer.append(span);
      if (!sentence.supported) {
        const why = sentence.citations.length
          ? 'The passages this sentence cites do not back it.'
          : 'This sentence cites no passage.';
        this.answer.append(el('span', { class: 'flag', title: why },
          el('span', { class: 'flag-icon', 'aria-hidden': 'true', text: '?' }),
          sentence.citations.length ? 'not supported' : 'no source',
          el('span', { class: 'visually-hidden', text: `: ${why}` })));
      }
      position = Math.max(position, sentence.end);
    });
    if (position < text.length) {
      this.answer.append(text.slice(position));
    }
  }

  showFailure(problem) {
    const { message, detail } = describe(problem);
    this.answer.classList.add('is-error');
    this.answer.append(el('p', { class: 'notice notice-error', role: 'alert' },
      el('span', { class: 'notice-icon', 'aria-hidden': 'true', text: '!' }), message));
    if (detail) {
      this.answer.append(el('p', { class: 'small-note', text: detail }));
    }
    this.setStatus('No answer this time', 'error');
    if (!this.sources.sources.length) {
      this.sources.reset();
    }
  }

  async copyAnswer() {
    if (!this.final) {
      return;
    }
    const cited = this.final.citations.map((c) => `[${c.n}] ${c.title}, ${whereFrom(c)}`);
    const text = [this.final.answer, '', 'Sources:', ...cited].join('\n');
    try {
      await navigator.clipboard.writeText(text);
      announce('Answer copied, with its sources.');
      this.copy.textContent = 'Copied';
      setTimeout(() => { this.copy.textContent = 'Copy answer'; }, 2000);
    } catch {
      announce('The answer could not be copied.');
    }
  }
}
