// The index panel: documents, passages, the encoder, who writes answers, and the folder sync.

import { figures, health, startSync, syncStatus } from './api.js';
import { byId, el, emit, on, replace } from './dom.js';
import { absoluteTime, formatDuration, formatEta, formatNumber, plural, relativeTime } from './format.js';
import { describe } from './problems.js';
import { session } from './session.js';

const SLOW_POLL = 30_000;
const FAST_POLL = 1_500;

const PHASES = {
  STARTING: 'starting',
  LISTING: 'listing files',
  INDEXING: 'indexing',
  REMOVING: 'removing deleted files',
  CATCHING_UP: 'catching up with recent changes',
  SWITCHING: 'switching to the rebuilt index',
};

export class Stats {
  constructor() {
    this.documents = byId('stat-documents');
    this.chunks = byId('stat-chunks');
    this.encoder = byId('stat-encoder');
    this.llm = byId('stat-llm');
    this.sync = byId('stat-sync');
    this.answered = byId('stat-answered');
    this.answerTime = byId('stat-answer-time');
    this.refused = byId('stat-refused');
    this.lastSync = byId('stat-last-sync');
    this.progress = byId('sync-progress');
    this.failures = byId('sync-failures');
    this.button = byId('sync-now');
    this.message = byId('sync-message');
    this.running = false;
    this.timer = null;
    this.button.addEventListener('click', () => this.startSync());
    if (!session.can('reindex')) {
      this.button.disabled = true;
      this.message.textContent = session.reason('reindex');
    }
    // without health details (they are for admins), the counts come from the document list
    on('documents-listed', (documents) => {
      if (this.detailsHidden) {
        this.documents.textContent = formatNumber(documents.length);
        this.chunks.textContent = formatNumber(documents.reduce((sum, doc) => sum + (doc.chunks || 0), 0));
      }
    });
    on('index-changed', () => {
      this.refreshHealth();
      this.refreshFigures();
    });
    on('answer-done', () => this.refreshFigures());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') {
        this.refresh();
      }
    });
  }

  async refresh() {
    await Promise.all([this.refreshHealth(), this.refreshSync(), this.refreshFigures()]);
  }

  /** The figures an owner wants at a glance; refreshed with the rest of the panel, and after each answer. */
  async refreshFigures() {
    try {
      const live = await figures();
      this.answered.textContent = `${live.answeredLastHourAtLeast ? 'over ' : ''}${formatNumber(live.answeredLastHour)}`;
      this.answerTime.textContent = live.medianAnswerMs === null || live.medianAnswerMs === undefined
        ? '—' : formatDuration(live.medianAnswerMs);
      this.refused.textContent = formatNumber(live.refusedUploads);
      this.lastSync.textContent = live.lastSyncAt
        ? `${relativeTime(live.lastSyncAt)}${live.lastSyncFailed ? ', failed' : ''}` : 'Not yet';
      this.lastSync.classList.toggle('is-warning', Boolean(live.lastSyncFailed));
    } catch {
      for (const node of [this.answered, this.answerTime, this.refused, this.lastSync]) {
        if (node.textContent === '…') {
          node.textContent = 'Unavailable';
        }
      }
    }
  }

  async refreshHealth() {
    try {
      const reply = await health();
      if (!reply.components) {
        this.showWithoutDetails(reply.status);
        return;
      }
      const components = reply.components;
      const index = components.index;
      if (index?.status === 'UP') {
        this.documents.textContent = formatNumber(index.details.documents);
        this.chunks.textContent = formatNumber(index.details.chunks);
      } else {
        this.documents.textContent = 'Index unavailable';
        this.chunks.textContent = '—';
      }
      this.encoder.textContent = components.encoder?.details?.model || 'Unknown';
      this.renderLlm(components.llm);
    } catch {
      for (const node of [this.documents, this.chunks, this.encoder, this.llm]) {
        if (node.textContent === '…') {
          node.textContent = 'Unavailable';
        }
      }
    }
  }

  /** The service's parts are shown to admins only; others see whether it is up, and the counts of their list. */
  showWithoutDetails(status) {
    this.detailsHidden = true;
    if (this.documents.textContent === '…') {
      this.documents.textContent = '—';
      this.chunks.textContent = '—';
    }
    const hidden = status === 'UP' ? 'Shown to admins' : 'Unavailable';
    this.encoder.textContent = hidden;
    this.llm.textContent = hidden;
  }

  renderLlm(llm) {
    const details = llm?.details;
    if (!details || details.configured === false) {
      this.llm.textContent = 'Quoted from your documents (no language model)';
      return;
    }
    if (llm.status === 'DEGRADED' || details.circuit === 'OPEN') {
      const until = details.openUntil ? ` until ${absoluteTime(details.openUntil)}` : ' for now';
      replace(this.llm, `Language model ${details.model}: failing, so answers quote your documents${until}`);
      this.llm.classList.add('is-warning');
      return;
    }
    this.llm.classList.remove('is-warning');
    this.llm.textContent = `Written by the language model ${details.model}`;
  }

  async refreshSync() {
    clearTimeout(this.timer);
    try {
      const status = await syncStatus();
      const wasRunning = this.running;
      this.running = status.state === 'RUNNING';
      this.renderSync(status);
      if (!this.running && session.can('reindex')) {
        // "Sync started." has done its job once the status says how the run went
        this.message.textContent = '';
      }
      if (wasRunning && !this.running) {
        // a run that finished may have added or removed documents
        emit('documents-changed');
        this.refreshHealth();
        this.refreshFigures();
      }
    } catch (error) {
      this.sync.textContent = `Status unavailable. ${describe(error).message}`;
    }
    // one timer at a time, however many refreshes overlapped; none while the tab is hidden (it refreshes on return)
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (document.visibilityState === 'visible') {
        (this.running ? this.refreshSync() : this.refresh());
      }
    }, this.running ? FAST_POLL : SLOW_POLL);
  }

  renderSync(status) {
    const run = status.current;
    const last = status.last;
    const lines = [];
    if (run) {
      const progress = run.progress;
      const files = progress?.filesTotal ? `: ${formatNumber(progress.filesDone)} of ${plural(progress.filesTotal, 'file', 'files')}` : '';
      const eta = run.etaSeconds ? `, ${formatEta(run.etaSeconds)} left` : '';
      lines.push(`Syncing, ${PHASES[run.phase] || 'working'}${files}${eta}.`);
      this.progress.hidden = false;
      if (progress && progress.percent !== null && progress.percent !== undefined) {
        this.progress.value = progress.percent;
      } else {
        this.progress.removeAttribute('value');
      }
    } else {
      this.progress.hidden = true;
      if (!last) {
        lines.push('No sync has run yet.');
      } else if (last.phase === 'FAILED') {
        lines.push(`The last sync failed ${relativeTime(last.finishedAt)}${last.error ? `: ${last.error}` : '.'}`);
      } else {
        const changes = [
          last.added && `${formatNumber(last.added)} added`,
          last.updated && `${formatNumber(last.updated)} changed`,
          last.moved && `${formatNumber(last.moved)} moved`,
          last.removed && `${formatNumber(last.removed)} removed`,
        ].filter(Boolean);
        lines.push(`Up to date. Last sync ${relativeTime(last.finishedAt)}${changes.length ? ` (${changes.join(', ')})` : ''}.`);
      }
    }
    if (status.rebuildPending) {
      lines.push('The index is due to be rebuilt with the new settings.');
    }
    if (status.vectorSearch === false) {
      lines.push('While it is rebuilt, questions are matched by their words only.');
    }
    replace(this.sync, lines.join(' '));
    this.button.disabled = Boolean(run) || !session.can('reindex');
    this.renderFailures((run || last)?.failed || []);
  }

  renderFailures(failed) {
    if (!failed.length) {
      replace(this.failures);
      return;
    }
    replace(this.failures, el('details', { class: 'failures' },
      el('summary', { text: `${plural(failed.length, 'file', 'files')} in the folders could not be read` }),
      el('ul', {}, failed.map((failure) => el('li', {},
        el('span', { class: 'failure-file', text: failure.file }),
        el('span', { class: 'failure-why', text: describe(failure).message
          + (failure.deferred ? ' It will be tried again later.' : '') }))))));
  }

  async startSync() {
    this.button.disabled = true;
    this.message.textContent = '';
    try {
      await startSync();
      this.message.textContent = 'Sync started.';
    } catch (error) {
      this.message.textContent = describe(error).message;
    }
    this.refreshSync();
  }
}
