// The page: ask, read the cited passages, add and manage documents; before that, sign in where the service asks
// for it (keys, oidc). What the user's role does not allow is shown disabled, with the reason.

import { signInWithKey, signOut } from './api.js';
import { Ask } from './ask.js';
import { byId, el, on, replace } from './dom.js';
import { Documents } from './documents.js';
import { describe } from './problems.js';
import { session } from './session.js';
import { Stats } from './stats.js';
import { Uploads } from './upload.js';

const SECTIONS = ['ask-section', 'documents-section'];

function showSignIn(message = '') {
  SECTIONS.forEach((id) => { byId(id).hidden = true; });
  document.querySelector('.site-nav').hidden = true;
  byId('account').hidden = true;
  byId('role-note').hidden = true;
  const panel = byId('sign-in');
  panel.hidden = false;
  const byKey = session.state?.signIn?.method !== 'oidc';
  byId('key-form').hidden = !byKey;
  byId('provider-sign-in').hidden = byKey;
  const failed = new URLSearchParams(window.location.search).get('signin') === 'failed';
  showSignInError(message || (failed ? 'Signing in did not work. Try again; if it keeps failing, ask an admin.' : ''));
  (byKey ? byId('key-input') : byId('provider-link')).focus();
}

function showSignInError(message) {
  const error = byId('sign-in-error');
  error.hidden = !message;
  error.textContent = message;
}

function bindSignIn() {
  const form = byId('key-form');
  const input = byId('key-input');
  const button = byId('key-submit');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) {
      showSignInError('Paste your API key first.');
      input.focus();
      return;
    }
    button.disabled = true;
    showSignInError('');
    try {
      await signInWithKey(key);
      input.value = '';
      // a fresh start, now with the session cookie: the key itself is gone from the page
      window.location.reload();
    } catch (error) {
      const { message, detail } = describe(error);
      showSignInError(error.code === 'UNAUTHENTICATED' ? `That key was not accepted. ${error.detail || ''}`.trim()
        : (detail ? `${message} ${detail}` : message));
      button.disabled = false;
      input.select();
    }
  });
}

function showAccount() {
  const user = session.user;
  if (session.mode === 'local' || !user) {
    return;
  }
  byId('account').hidden = false;
  replace(byId('account-name'), el('span', { class: 'account-user', text: user.name }),
    el('span', { class: 'account-role', text: user.role || 'no role' }));
  byId('sign-out').addEventListener('click', async () => {
    try {
      await signOut();
    } finally {
      window.location.replace('./');
    }
  });
  if (!user.role) {
    const note = byId('role-note');
    note.textContent = `You are signed in as ${user.name}, but have no role in Groundwork yet: ask an admin to `
      + 'give you one.';
    note.hidden = false;
  }
}

async function start() {
  bindSignIn();
  try {
    await session.load();
  } catch (error) {
    showSignIn(`${error.message} Reload the page to try again.`);
    return;
  }
  if (!session.signedIn) {
    showSignIn();
    return;
  }
  showAccount();
  on('signed-out', () => showSignIn('Your session ended (you signed out elsewhere, or your key was revoked or '
    + 'expired). Sign in again.'));
  const ask = new Ask();
  const documents = new Documents();
  const stats = new Stats();
  new Uploads();
  if (session.can('read')) {
    documents.load();
    stats.refresh();
  }
  if (session.can('ask')) {
    ask.fromUrl();
  } else {
    ask.disable(session.reason('ask'));
  }
}

start().finally(() => document.documentElement.classList.add('is-ready'));
