// The HTTP API, as the page uses it. URLs are relative, so the page also works behind a proxy under a sub-path.

import { emit } from './dom.js';
import { Problem } from './problems.js';
import { session } from './session.js';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

async function problemFrom(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: a proxy's error page, say
  }
  return new Problem({
    status: response.status,
    code: body?.code || (response.status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST'),
    detail: body?.detail || '',
    body,
  });
}

/** Every change carries the session's CSRF token; a 401 means the session ended (signed out, key revoked). */
async function send(url, options = {}) {
  const method = (options.method || 'GET').toUpperCase();
  const headers = SAFE_METHODS.has(method) ? options.headers : { ...options.headers, ...session.csrfHeaders() };
  let response;
  try {
    response = await fetch(url, { cache: 'no-store', ...options, headers });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new Problem({ code: 'NETWORK' });
  }
  if (response.status === 401 && session.signedIn) {
    emit('signed-out');
  }
  return response;
}

/** Exchanges an API key for a session; the key is not kept anywhere in the browser. */
export async function signInWithKey(key) {
  const response = await send('api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ key }),
  });
  if (!response.ok) {
    throw await problemFrom(response);
  }
}

export async function signOut() {
  const response = await send('api/session', { method: 'DELETE' });
  if (!response.ok && response.status !== 401) {
    throw await problemFrom(response);
  }
}

/** GET a JSON document; a refusal throws a Problem. With `anyStatus`, the body is returned whatever the status. */
export async function getJson(url, { anyStatus = false, signal } = {}) {
  const response = await send(url, { headers: { Accept: 'application/json' }, signal });
  if (!response.ok && !anyStatus) {
    throw await problemFrom(response);
  }
  return response.json();
}

export async function listDocuments() {
  return (await getJson('api/documents')).documents;
}

export async function deleteDocument(id) {
  const response = await send(`api/documents/${encodeURIComponent(id)}`, { method: 'DELETE' });
  if (!response.ok) {
    throw await problemFrom(response);
  }
}

/** The actuator's health, which answers 503 with the same body when something is down. */
export async function health() {
  return getJson('actuator/health', { anyStatus: true });
}

/** The live figures of the index panel: answers of the last hour, their median time, refused uploads, last sync. */
export async function figures() {
  return getJson('api/figures');
}

export async function syncStatus() {
  return getJson('api/reindex/status');
}

export async function startSync() {
  const response = await send('api/reindex', { method: 'POST', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw await problemFrom(response);
  }
  return response.json();
}

/**
 * Uploads one file in a request of its own, so that it has its own progress and its own outcome.
 * Resolves with the upload item ({outcome: created | known, ...}); rejects with a Problem.
 * Returns {promise, abort}.
 */
export function uploadFile(file, { onProgress, onSent }) {
  const xhr = new XMLHttpRequest();
  const promise = new Promise((resolve, reject) => {
    xhr.open('POST', 'api/documents');
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [name, value] of Object.entries(session.csrfHeaders())) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    });
    xhr.upload.addEventListener('load', () => onSent());
    xhr.addEventListener('load', () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300 && body?.documents?.length) {
        const item = body.documents[0];
        if (item.outcome === 'created' || item.outcome === 'known') {
          resolve(item);
          return;
        }
        reject(new Problem({ status: item.status, code: item.code, detail: item.detail, body: item }));
        return;
      }
      reject(new Problem({
        status: xhr.status,
        code: body?.code || (xhr.status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST'),
        detail: body?.detail || '',
        body,
      }));
    });
    xhr.addEventListener('error', () => reject(new Problem({ code: 'NETWORK' })));
    xhr.addEventListener('abort', () => reject(new DOMException('Upload cancelled', 'AbortError')));
    const form = new FormData();
    form.append('files', file, file.name);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/**
 * Asks a question and reads the answer's Server-Sent Events as they arrive. Read with fetch rather than
 * EventSource: a refused question (400, 404, 503) keeps its problem detail, and a stream that breaks off is
 * reported rather than silently asked again.
 */
export async function streamAnswer({ question, documentId, conversationId }, { signal, onEvent }) {
  const params = new URLSearchParams({ question });
  if (documentId) {
    params.append('documentId', documentId);
  }
  if (conversationId) {
    params.append('conversationId', conversationId);
  }
  const response = await send(`api/ask/stream?${params}`, { headers: { Accept: 'text/event-stream' }, signal });
  if (!response.ok) {
    throw await problemFrom(response);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new EventParser(onEvent);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      parser.push(value);
    }
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new Problem({ code: 'STREAM_CUT' });
  }
  parser.end();
}

/** The text/event-stream format: fields line by line, an event at each blank line. */
class EventParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.name = '';
    this.data = [];
  }

  push(text) {
    this.buffer += text;
    let start = 0;
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer.slice(start));
      if (!match) {
        break;
      }
      const end = start + match.index;
      // a \r at the very end may be the first half of \r\n: wait for more
      if (match[0] === '\r' && end + 1 === this.buffer.length) {
        break;
      }
      this.line(this.buffer.slice(start, end));
      start = end + match[0].length;
    }
    this.buffer = this.buffer.slice(start);
  }

  end() {
    if (this.buffer) {
      this.line(this.buffer);
      this.buffer = '';
    }
    this.line('');
  }

  line(line) {
    if (line === '') {
      if (this.data.length) {
        this.onEvent(this.name || 'message', this.data.join('\n'));
      }
      this.name = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      this.name = value;
    } else if (field === 'data') {
      this.data.push(value);
    }
  }
}
