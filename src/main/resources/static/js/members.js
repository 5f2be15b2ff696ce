// The members of an archive or a mailbox: each file or message in it has an outcome of its own in the upload list,
// and a member lives and goes with its container in the document list.

import { el } from './dom.js';
import { plural } from './format.js';
import { describe } from './problems.js';

/** Lists shorter than this are shown open; longer ones behind their summary. */
const OPEN_UP_TO = 8;

const MEMBER_ICONS = { created: '✓', known: '=', rejected: '!' };

/** "3 documents added, 1 not read" for the members of one upload. */
export function membersSummary(members) {
  const added = members.filter((member) => member.outcome === 'created').length;
  const known = members.filter((member) => member.outcome === 'known').length;
  const refused = members.length - added - known;
  return [
    added ? `${plural(added, 'document', 'documents')} added` : null,
    known ? `${plural(known, 'document', 'documents')} already there` : null,
    refused ? `${plural(refused, 'file', 'files')} not read` : null,
  ].filter(Boolean).join(', ') || 'nothing in it';
}

/** Each member with its outcome in words, open when the list is short. */
export function membersList(members, containerName) {
  const items = members.map((member) => {
    const state = member.outcome === 'rejected' ? 'failed' : member.outcome;
    const words = member.outcome === 'rejected' ? describe(member) : null;
    const text = member.outcome === 'created'
      ? `Added: ${member.pages ? `${plural(member.pages, 'page', 'pages')}, ` : ''}${plural(member.chunks, 'passage', 'passages')}.`
      : member.outcome === 'known' ? 'Already in your documents.' : `Not added. ${words.message}`;
    return el('li', { class: `upload-member is-${state}` },
      el('span', { class: 'upload-icon', 'aria-hidden': 'true', text: MEMBER_ICONS[member.outcome] || '' }),
      el('span', { class: 'upload-member-name', text: member.name }),
      el('span', { class: 'upload-member-state', text: text }),
      words?.detail && el('span', { class: 'upload-member-detail', text: words.detail }));
  });
  return el('details', { class: 'upload-members', open: members.length <= OPEN_UP_TO },
    el('summary', { text: `${plural(members.length, 'file', 'files')} in ${containerName}: ${membersSummary(members)}` }),
    el('ul', { class: 'upload-member-list' }, items));
}

/** Whether a recorded path is a member's ("uploads/…/a.zip//inner/b.pdf"), not a file's. */
export function isMemberPath(path) {
  return path.indexOf('//', path.startsWith('//') ? 2 : 0) >= 0;
}

/** The container a document is in ("a.zip"), or null for a document that is a file of its own somewhere. */
export function containerOf(doc) {
  const member = (doc.paths || []).find(isMemberPath);
  if (!member) {
    return null;
  }
  const container = member.slice(0, member.indexOf('//', member.startsWith('//') ? 2 : 0));
  return container.slice(container.lastIndexOf('/') + 1);
}

/** Whether a document is an archive or a mailbox: it holds no passages, its members do. */
export function isContainer(doc) {
  return doc.kind === 'archive' || doc.kind === 'mailbox';
}
