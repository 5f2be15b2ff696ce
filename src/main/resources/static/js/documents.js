// The list of documents: type, size, pages, passages, status and time; a filter; asking about one document;
// deleting one after a confirmation in an accessible dialog.

import { deleteDocument, listDocuments } from './api.js';
import { announce, byId, el, emit, on, replace } from './dom.js';
import { absoluteTime, formatBytes, formatNumber, friendlyType, plural, relativeTime } from './format.js';
import { containerOf, isContainer } from './members.js';
import { describe } from './problems.js';
import { session } from './session.js';

const STATUS_WORDS = { indexed: 'Ready' };

/** The watched folder a document's file lives in ("//notes/plan.md" → "notes"), or null for ingest/. */
function sourceFolder(doc) {
  const external = (doc.paths || []).find((path) => path.startsWith('//'));
  return external ? external.slice(2).split('/')[0] : null;
}

export class Documents {
  constructor() {
    this.container = byId('documents');
    this.summary = byId('documents-summary');
    this.navCount = byId('nav-count');
    this.filter = byId('filter');
    this.tools = byId('list-tools');
    this.heading = byId('documents-heading');
    this.documents = [];
    this.loaded = false;
    this.loading = null;
    this.dialog = new DeleteDialog((doc) => this.deleted(doc));
    this.filter.addEventListener('input', () => this.render());
    on('documents-changed', () => this.load());
    // times read "5 minutes ago": keep them true
    setInterval(() => this.refreshTimes(), 60_000);
  }

  /** Loads the list; calls made while one load runs share a single follow-up load. */
  async load() {
    if (this.loading) {
      this.reloadAfter = true;
      return this.loading;
    }
    this.loading = (async () => {
      try {
        const documents = await listDocuments();
        this.documents = documents.sort((a, b) => String(b.addedAt).localeCompare(String(a.addedAt)));
        this.loaded = true;
        this.render();
      } catch (error) {
        this.renderFailure(error);
      } finally {
        this.container.setAttribute('aria-busy', 'false');
        this.loading = null;
        if (this.reloadAfter) {
          this.reloadAfter = false;
          this.load();
        }
      }
    })();
    return this.loading;
  }

  renderFailure(error) {
    const { message } = describe(error);
    replace(this.container, el('div', { class: 'notice notice-error', role: 'alert' },
      el('span', { class: 'notice-icon', 'aria-hidden': 'true', text: '!' }),
      el('span', {}, `Your documents could not be listed. ${message} `),
      el('button', { type: 'button', class: 'button button-small', onclick: () => this.load() }, 'Try again')));
  }

  render() {
    const focus = this.focusedAction();
    const docs = this.documents;
    const totalChunks = docs.reduce((sum, doc) => sum + (doc.chunks || 0), 0);
    const totalBytes = docs.reduce((sum, doc) => sum + (doc.sizeBytes || 0), 0);
    this.summary.textContent = docs.length
      ? `${plural(docs.length, 'document', 'documents')} · ${plural(totalChunks, 'passage', 'passages')} · ${formatBytes(totalBytes)}`
      : '';
    this.navCount.textContent = docs.length ? `(${formatNumber(docs.length)})` : '';
    this.tools.hidden = docs.length < 6 && !this.filter.value;
    emit('documents-listed', docs);

    if (!docs.length) {
      replace(this.container, el('div', { class: 'empty-state' },
        el('p', { class: 'empty-title', text: 'No documents yet' }),
        el('p', { text: 'Add your first ones above: choose files, or drop them anywhere on this page. '
          + 'Files put in the ingest folder are picked up by the folder sync too.' })));
      return;
    }
    const query = this.filter.value.trim().toLowerCase();
    const shown = query
      ? docs.filter((doc) => `${doc.title} ${doc.fileName}`.toLowerCase().includes(query))
      : docs;
    if (!shown.length) {
      replace(this.container, el('p', { class: 'empty-note', text: `No document matches “${this.filter.value.trim()}”.` }));
      return;
    }
    replace(this.container, el('table', { class: 'doc-table' },
      el('caption', { class: 'visually-hidden', text: 'Your documents, newest first' }),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col', text: 'Document' }),
        el('th', { scope: 'col', text: 'Type' }),
        el('th', { scope: 'col', class: 'num', text: 'Size' }),
        el('th', { scope: 'col', class: 'num', text: 'Pages' }),
        el('th', { scope: 'col', class: 'num', text: 'Passages' }),
        el('th', { scope: 'col', text: 'Status' }),
        el('th', { scope: 'col', text: 'Added' }),
        el('th', { scope: 'col' }, el('span', { class: 'visually-hidden', text: 'Actions' })))),
      el('tbody', {}, shown.map((doc) => this.row(doc)))));
    this.restoreFocus(focus);
  }

  row(doc) {
    const folder = sourceFolder(doc);
    const container = isContainer(doc);
    const showFileName = doc.fileName && doc.fileName !== doc.title;
    return el('tr', { dataset: { id: doc.id } },
      el('th', { scope: 'row', class: 'doc-name' },
        el('span', { class: 'doc-title', text: doc.title }),
        (showFileName || folder || container) && el('span', {
          class: 'doc-file',
          text: [showFileName ? doc.fileName : null,
            container ? `${doc.kind} of ${plural(doc.members, 'document', 'documents')}` : null,
            folder ? `in watched folder “${folder}”` : null].filter(Boolean).join(' · '),
        }),
        doc.about && el('span', { class: 'doc-about', text: doc.about })),
      el('td', { dataset: { label: 'Type' }, text: friendlyType(doc.contentType) }),
      el('td', { class: 'num', dataset: { label: 'Size' }, text: formatBytes(doc.sizeBytes) }),
      el('td', { class: 'num', dataset: { label: 'Pages' } },
        doc.pages === null || doc.pages === undefined
          ? el('span', { 'aria-label': 'no pages', text: '—' })
          : formatNumber(doc.pages),
        doc.ocrPages > 0 && el('span', { class: 'doc-ocr', text: `${formatNumber(doc.ocrPages)} by OCR` })),
      el('td', { class: 'num', dataset: { label: 'Passages' } },
        container ? el('span', { 'aria-label': 'in its documents', text: '—' }) : formatNumber(doc.chunks)),
      el('td', { dataset: { label: 'Status' } },
        el('span', { class: `status status-${doc.status}`, text: STATUS_WORDS[doc.status] || doc.status }),
        doc.ocrFailedPages && doc.ocrFailedPages.length > 0 && el('span', {
          class: 'doc-ocr-failed',
          text: `OCR could not read ${doc.ocrFailedPages.length === 1 ? 'page' : 'pages'} ${doc.ocrFailedPages.join(', ')}`,
        })),
      el('td', { dataset: { label: 'Added' } },
        el('time', { datetime: doc.addedAt, title: absoluteTime(doc.addedAt), class: 'added', text: relativeTime(doc.addedAt) }),
        // who added it says nothing where one person is all there is (local)
        doc.addedBy && session.mode !== 'local' && el('span', { class: 'added-by', text: `by ${doc.addedBy}` })),
      el('td', { class: 'actions' }, el('div', { class: 'row-actions' },
        !container && el('button', {
          type: 'button', class: 'button button-quiet button-small', dataset: { action: 'ask' },
          'aria-label': `Ask about ${doc.title} only`,
          onclick: () => emit('scope', { id: doc.id, title: doc.title }),
        }, 'Ask about it'),
        el('button', {
          type: 'button', class: 'button button-quiet button-small button-danger-quiet', dataset: { action: 'delete' },
          'aria-label': `Delete ${doc.title}`,
          disabled: !session.can('delete'),
          title: session.reason('delete') || null,
          onclick: (event) => this.dialog.open(doc, event.currentTarget),
        }, 'Delete'))));
  }

  refreshTimes() {
    this.container.querySelectorAll('time.added').forEach((time) => {
      time.textContent = relativeTime(time.getAttribute('datetime'));
    });
  }

  focusedAction() {
    const active = document.activeElement;
    const row = active?.closest?.('tr[data-id]');
    return row && this.container.contains(row) ? { id: row.dataset.id, action: active.dataset.action } : null;
  }

  restoreFocus(focus) {
    if (!focus) {
      return;
    }
    const row = [...this.container.querySelectorAll('tr[data-id]')].find((tr) => tr.dataset.id === focus.id);
    row?.querySelector(`[data-action="${focus.action}"]`)?.focus();
  }

  deleted(doc) {
    const rows = [...this.container.querySelectorAll('tr[data-id]')];
    const index = rows.findIndex((tr) => tr.dataset.id === doc.id);
    const next = rows[index + 1] || rows[index - 1];
    this.documents = this.documents.filter((item) => item.id !== doc.id);
    this.render();
    announce(`Deleted ${doc.title}.`);
    emit('document-deleted', doc.id);
    emit('index-changed');
    const target = next && [...this.container.querySelectorAll('tr[data-id]')].find((tr) => tr.dataset.id === next.dataset.id);
    (target?.querySelector('[data-action="delete"]') || this.heading).focus();
  }
}

/** The confirmation before a delete: a modal <dialog>, so focus stays inside it and Escape closes it. */
class DeleteDialog {
  constructor(onDeleted) {
    this.dialog = byId('delete-dialog');
    this.title = byId('delete-title');
    this.text = byId('delete-text');
    this.error = byId('delete-error');
    this.cancel = byId('delete-cancel');
    this.confirm = byId('delete-confirm');
    this.onDeleted = onDeleted;
    this.doc = null;
    this.trigger = null;
    this.cancel.addEventListener('click', () => this.close());
    this.confirm.addEventListener('click', () => this.delete());
    this.dialog.addEventListener('close', () => {
      if (this.trigger?.isConnected) {
        this.trigger.focus();
      }
    });
    this.dialog.addEventListener('click', (event) => {
      // a click on the backdrop, outside the dialog's box, closes it
      const box = this.dialog.getBoundingClientRect();
      const inside = event.clientX >= box.left && event.clientX <= box.right
        && event.clientY >= box.top && event.clientY <= box.bottom;
      if (event.target === this.dialog && !inside && !this.busy) {
        this.close();
      }
    });
    this.dialog.addEventListener('cancel', (event) => {
      if (this.busy) {
        event.preventDefault();
      }
    });
  }

  open(doc, trigger) {
    this.doc = doc;
    this.trigger = trigger;
    this.error.hidden = true;
    this.busy = false;
    const folder = sourceFolder(doc);
    const archive = containerOf(doc);
    if (archive) {
      this.title.textContent = 'This document goes with its archive';
      this.text.textContent = `“${doc.title}” is inside “${archive}”. Delete “${archive}” from your documents, and `
        + 'the documents it holds go with it.';
      this.confirm.hidden = true;
      this.cancel.textContent = 'Close';
    } else if (folder) {
      this.title.textContent = 'This document stays while its file does';
      this.text.textContent = `“${doc.title}” comes from the watched folder “${folder}”, which Groundwork only reads. `
        + 'Remove the file from that folder, or exclude it in the settings, and it leaves the index at the next sync.';
      this.confirm.hidden = true;
      this.cancel.textContent = 'Close';
    } else {
      this.title.textContent = 'Delete this document?';
      const name = doc.fileName && doc.fileName !== doc.title ? ` (${doc.fileName})` : '';
      const holds = isContainer(doc) ? `the ${plural(doc.members, 'document', 'documents')} it holds`
        : `its ${plural(doc.chunks, 'passage', 'passages')}`;
      this.text.textContent = `“${doc.title}”${name} and ${holds} `
        + 'will be removed from the index, and its file from the ingest folder. This cannot be undone.';
      this.confirm.hidden = false;
      this.confirm.disabled = false;
      this.confirm.textContent = 'Delete';
      this.cancel.textContent = 'Keep it';
    }
    this.cancel.disabled = false;
    this.dialog.showModal();
    this.cancel.focus();
  }

  close() {
    this.dialog.close();
  }

  async delete() {
    const doc = this.doc;
    this.busy = true;
    this.confirm.disabled = true;
    this.cancel.disabled = true;
    this.confirm.textContent = 'Deleting…';
    try {
      await deleteDocument(doc.id);
      this.finish(doc);
    } catch (error) {
      if (error.code === 'NOT_FOUND') {
        this.finish(doc);
        return;
      }
      this.busy = false;
      const { message, detail } = describe(error);
      const kept = error.code === 'DOCUMENT_IN_SOURCE' || error.code === 'DOCUMENT_IN_ARCHIVE';
      this.error.textContent = detail && !kept ? `${message} ${detail}` : message;
      this.error.hidden = false;
      this.confirm.textContent = 'Delete';
      this.confirm.disabled = kept;
      this.cancel.disabled = false;
      this.cancel.focus();
    }
  }

  finish(doc) {
    this.busy = false;
    this.trigger = null;
    this.dialog.close();
    this.onDeleted(doc);
  }
}
