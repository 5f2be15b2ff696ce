// Problem details (RFC 9457, with Groundwork's stable `code`) turned into words a person can act on.

import { formatBytes } from './format.js';

/** A refusal or failure from the server, or the network. */
export class Problem extends Error {
  constructor({ status = 0, code = 'NETWORK', detail = '', body = null } = {}) {
    super(detail || code);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.body = body;
  }
}

const WORDS = {
  // documents
  UNSUPPORTED_TYPE: 'This is not a kind of document Groundwork can read (images, audio, video and programs are not).',
  NO_READABLE_MEMBERS: 'Nothing in this archive or mailbox could be read; each file’s reason is listed below.',
  TOO_LARGE: 'The file is larger than the server accepts.',
  NO_TEXT: 'No text could be found in it. Scans need a text layer: Groundwork does not run text recognition.',
  MALFORMED: 'The file is damaged or incomplete, so it could not be read.',
  ENCRYPTED: 'The file is protected by a password. Remove the password and upload it again.',
  EXPANDS_TOO_MUCH: 'The file unpacks into far more text or parts than the limits allow.',
  TOO_DEEP: 'The file is nested too deeply to read (attachments inside attachments, or markup nested too far).',
  TOO_MANY_PAGES: 'The file has more pages than the limit allows.',
  TOO_MANY_PIXELS: 'The image is larger than the limit for reading images (OCR).',
  TIMEOUT: 'Reading the file took too long, so it was stopped.',
  INSUFFICIENT_STORAGE: 'The server’s disk is full. Free some space and try again; your documents can still be searched.',
  TOO_MANY_FILES: 'Too many files were sent at once.',
  NO_FILES: 'No file was received.',
  MALFORMED_REQUEST: 'The upload arrived damaged. Try again.',
  PARSER_UNAVAILABLE: 'Documents cannot be read right now. Try again in a little while.',
  DOCUMENT_IN_SOURCE: 'This document comes from a watched folder, which Groundwork never deletes from. Remove the '
    + 'file from that folder (or exclude it), and it leaves the index at the next sync.',
  DOCUMENT_IN_ARCHIVE: 'This document is inside an archive or a mailbox. Delete the archive or mailbox, and the '
    + 'documents it holds go with it.',
  NOT_FOUND: 'That document is no longer in your library.',
  CONVERSATION_NOT_FOUND: 'This conversation has ended (it was unused for a while). Ask again to start a new one.',
  // questions
  BLANK_QUERY: 'Type a question first.',
  QUERY_TOO_LONG: 'The question is too long. Shorten it and ask again.',
  INVALID_K: 'The number of passages asked for is out of range.',
  TOO_MANY_DOCUMENTS: 'Too many documents were chosen to search in.',
  TOO_BUSY: 'Many answers are being written right now. Try again in a moment.',
  ENCODER_UNAVAILABLE: 'The text encoder cannot be used right now. Try again in a little while.',
  // who may do what
  UNAUTHENTICATED: 'You are not signed in, or your session or key is no longer valid.',
  FORBIDDEN: 'Your role does not allow this.',
  CSRF_TOKEN: 'The page is out of date. Reload it and try again.',
  CROSS_SITE: 'The request came from another site, so it was refused.',
  RATE_LIMITED: 'Too many requests in a short time. Wait a moment and try again.',
  HOST_NOT_ALLOWED: 'The service is not set up to be reached under this address.',
  // everything
  INDEX_UNAVAILABLE: 'The index cannot be used right now. Try again in a little while.',
  REINDEX_RUNNING: 'A folder sync is already running.',
  INTERNAL_ERROR: 'Something went wrong on the server. The error has been logged.',
  NETWORK: 'The server could not be reached. Check that Groundwork is running, then try again.',
  STREAM_CUT: 'The connection was lost before the answer was complete. Ask again.',
};

/** Makes a detail easier to read: byte counts become sizes. */
function tidy(detail) {
  return String(detail || '').replace(/\b(\d{4,}) bytes\b/g, (_, n) => formatBytes(Number(n)));
}

/**
 * The words for a problem: `message` says what happened and what to do; `detail` is the server's own
 * explanation, when it adds something.
 */
export function describe(problem) {
  const message = WORDS[problem.code];
  const detail = tidy(problem.detail);
  if (!message) {
    return { message: detail || 'Something went wrong. Try again.', detail: '' };
  }
  return { message, detail: detail && detail !== message ? detail : '' };
}

const FALLBACK_REASONS = {
  LLM_UNREACHABLE: 'The language model could not be reached',
  LLM_SERVER_ERROR: 'The language model’s server reported an error',
  LLM_RATE_LIMITED: 'The language model’s server asked for fewer requests',
  LLM_REJECTED: 'The language model’s server refused the request (check the model name and API key)',
  LLM_MALFORMED_REPLY: 'The language model sent a reply that could not be read',
  LLM_FIRST_TOKEN_TIMEOUT: 'The language model took too long to start answering',
  LLM_ANSWER_TIMEOUT: 'The language model took too long to finish',
  LLM_STREAM_DROPPED: 'The connection to the language model broke off in mid-answer',
  LLM_CIRCUIT_OPEN: 'The language model failed several times in a row and is being given a rest',
};

/** Why an LLM answer was replaced by quotes from the documents, in a sentence. */
export function fallbackWords(reason) {
  const why = FALLBACK_REASONS[reason] || 'The language model could not answer';
  return `${why}, so this answer quotes your documents directly.`;
}
