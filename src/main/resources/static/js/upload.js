// Uploads: a file picker, a drop zone (the whole page takes drops), and one request per file, so that each file
// has its own progress bar and its own outcome, said in words.

import { uploadFile } from './api.js';
import { announce, byId, el, emit, replace } from './dom.js';
import { formatBytes, plural } from './format.js';
import { membersList, membersSummary } from './members.js';
import { describe } from './problems.js';
import { session } from './session.js';

/** Files sent at once; the server parses two at a time by default, and the rest wait in the browser. */
const PARALLEL = 2;

export class Uploads {
  constructor() {
    this.input = byId('file-input');
    this.dropzone = byId('dropzone');
    this.overlay = byId('drop-overlay');
    this.box = byId('uploads');
    this.list = byId('upload-list');
    this.clear = byId('uploads-clear');
    this.queue = [];
    this.active = 0;
    this.dragDepth = 0;
    this.allowed = session.can('upload');
    if (!this.allowed) {
      this.disable(session.reason('upload'));
    }

    this.input.addEventListener('change', () => {
      this.add([...this.input.files]);
      // the same file can be chosen again
      this.input.value = '';
    });
    this.clear.addEventListener('click', () => this.clearFinished());
    document.addEventListener('dragenter', (event) => {
      if (this.hasFiles(event) && this.allowed) {
        this.dragDepth++;
        this.overlay.hidden = false;
      }
    });
    document.addEventListener('dragleave', (event) => {
      if (this.hasFiles(event)) {
        this.dragDepth = Math.max(0, this.dragDepth - 1);
        this.overlay.hidden = this.dragDepth > 0 ? this.overlay.hidden : true;
      }
    });
    document.addEventListener('dragover', (event) => {
      if (this.hasFiles(event)) {
        event.preventDefault();
        event.dataTransfer.dropEffect = this.allowed ? 'copy' : 'none';
      }
    });
    document.addEventListener('drop', (event) => {
      if (!this.hasFiles(event)) {
        return;
      }
      event.preventDefault();
      this.dragDepth = 0;
      this.overlay.hidden = true;
      this.add([...event.dataTransfer.files]);
    });
  }

  /** For a user who may not add documents: the picker disabled, the reason beside it, drops not taken. */
  disable(reason) {
    this.input.disabled = true;
    byId('file-label').classList.add('is-disabled');
    byId('file-label').setAttribute('aria-disabled', 'true');
    this.dropzone.classList.add('is-disabled');
    const note = byId('upload-reason');
    note.textContent = reason;
    note.hidden = false;
    this.input.setAttribute('aria-describedby', 'upload-reason');
  }

  hasFiles(event) {
    return [...(event.dataTransfer?.types || [])].includes('Files');
  }

  add(files) {
    if (!files.length) {
      return;
    }
    if (!this.allowed) {
      // the drop is taken (the browser would open the file instead), and the reason said
      announce(session.reason('upload'));
      return;
    }
    this.box.hidden = false;
    for (const file of files) {
      const item = new UploadItem(file);
      this.list.append(item.node);
      this.queue.push(item);
    }
    announce(`${plural(files.length, 'file', 'files')} added to the uploads.`);
    this.pump();
  }

  pump() {
    while (this.active < PARALLEL && this.queue.length) {
      const item = this.queue.shift();
      this.active++;
      item.start().finally(() => {
        this.active--;
        this.clear.hidden = !this.list.querySelector('.upload.is-finished');
        this.pump();
      });
    }
  }

  clearFinished() {
    this.list.querySelectorAll('.upload.is-finished').forEach((node) => node.remove());
    this.clear.hidden = true;
    if (!this.list.children.length) {
      this.box.hidden = true;
    }
    byId('file-input').focus();
  }
}

class UploadItem {
  constructor(file) {
    this.file = file;
    this.progress = el('progress', { class: 'progress', max: '100', value: '0', 'aria-label': `Upload of ${file.name}` });
    this.state = el('p', { class: 'upload-state', text: 'Waiting…' });
    this.detail = el('p', { class: 'upload-detail', hidden: true });
    this.cancel = el('button', {
      type: 'button', class: 'button button-quiet button-small', 'aria-label': `Cancel the upload of ${file.name}`,
      onclick: () => this.abort(),
    }, 'Cancel');
    this.icon = el('span', { class: 'upload-icon', 'aria-hidden': 'true' });
    this.node = el('li', { class: 'upload is-waiting' },
      el('div', { class: 'upload-line' },
        this.icon,
        el('span', { class: 'upload-name', text: file.name }),
        el('span', { class: 'upload-size', text: formatBytes(file.size) }),
        this.cancel),
      this.progress,
      this.state,
      this.detail);
    this.request = null;
    this.cancelled = false;
  }

  abort() {
    this.cancelled = true;
    if (this.request) {
      this.request.abort();
    } else {
      this.finish('cancelled', 'Cancelled.');
    }
  }

  async start() {
    if (this.cancelled) {
      return;
    }
    if (this.file.size === 0) {
      this.finish('failed', notAdded('The file is empty.'));
      return;
    }
    this.setState('uploading', 'Uploading… 0%');
    this.request = uploadFile(this.file, {
      onProgress: (share) => {
        const percent = Math.floor(share * 100);
        this.progress.value = percent;
        this.state.textContent = `Uploading… ${percent}%`;
      },
      onSent: () => {
        // the server now reads, splits and indexes the file: that takes a while, and has no percentage
        this.progress.removeAttribute('value');
        // past this point the server keeps the file whatever the browser does
        this.cancel.hidden = true;
        this.setState('processing', 'Reading and indexing…');
      },
    });
    try {
      const item = await this.request.promise;
      if (item.members) {
        this.finishContainer(item);
      } else if (item.outcome === 'created') {
        const scanned = item.ocrPages ? ` (${formatOcr(item.ocrPages, item.pages)})` : '';
        const pages = item.pages ? `${plural(item.pages, 'page', 'pages')}${scanned}, ` : (item.ocrPages ? 'read by OCR, ' : '');
        this.finish('created', `Added: ${pages}${plural(item.chunks, 'passage', 'passages')}.`);
        announce(`${this.file.name} added.`);
      } else {
        this.finish('known', `Already in your documents as “${item.title}”; nothing was added.`);
        announce(`${this.file.name} was already there.`);
      }
      emit('documents-changed');
      emit('index-changed');
    } catch (error) {
      if (error.name === 'AbortError') {
        this.finish('cancelled', 'Cancelled.');
        return;
      }
      const words = describe(error.code === 'NETWORK' && this.file.size > 50 * 1024 * 1024
        ? { code: 'NETWORK', detail: 'Large files can also be cut off by the server’s size limit.' }
        : error);
      this.finish('failed', notAdded(words.message), words.detail);
      if (error.body?.members) {
        this.node.append(membersList(error.body.members, this.file.name));
      }
      announce(`${this.file.name} was not added. ${words.message}`);
    }
  }

  /** An archive or a mailbox: its own outcome, and each member's under it. */
  finishContainer(item) {
    const damage = item.code ? describe(item) : null;
    const summary = membersSummary(item.members);
    if (item.outcome === 'created') {
      const first = summary.charAt(0).toUpperCase() + summary.slice(1);
      this.finish('created', `${first}.`, damage ? `${damage.message} ${damage.detail}`.trim() : '');
      announce(`${this.file.name} added: ${summary}.`);
    } else {
      this.finish('known', `Already in your documents as “${item.title}”; nothing was added.`);
      announce(`${this.file.name} was already there.`);
    }
    this.node.append(membersList(item.members, this.file.name));
  }

  setState(state, text) {
    this.node.className = `upload is-${state}`;
    replace(this.state, text);
  }

  finish(state, text, detail = '') {
    this.setState(state, text);
    this.node.classList.add('is-finished');
    this.progress.value = state === 'created' || state === 'known' ? 100 : this.progress.value || 0;
    this.progress.hidden = true;
    this.cancel.remove();
    this.detail.hidden = !detail;
    replace(this.detail, detail);
    this.icon.textContent = ICONS[state] || '';
  }
}

/** "3 read by OCR" of a scan's pages; an image has no pages. */
function formatOcr(ocrPages, pages) {
  return pages ? `${ocrPages} read by OCR` : 'read by OCR';
}

function notAdded(why) {
  return [el('strong', { text: 'Not added.' }), ` ${why}`];
}

const ICONS = { created: '✓', known: '=', failed: '!', cancelled: '×' };
