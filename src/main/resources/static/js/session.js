// Who is signed in and what they may do, from GET api/session. The page asks once at start; controls the user may
// not use are disabled with the reason in words, so that nothing fails in front of them. In local mode the person
// at this machine may do everything and nobody signs in.

const ROLE_NEEDED = {
  upload: 'editor',
  delete: 'editor',
  reindex: 'editor',
  ask: 'reader',
  read: 'reader',
};

const ACTION_WORDS = {
  upload: 'Adding documents',
  delete: 'Deleting documents',
  reindex: 'Syncing the folders',
  ask: 'Asking questions',
  read: 'Reading the documents',
};

class Session {
  constructor() {
    this.state = null;
  }

  /** Loads the session; a page that cannot tell who is signed in shows nothing it should not. */
  async load() {
    const response = await fetch('api/session', { cache: 'no-store', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`The session could not be read (${response.status}).`);
    }
    this.state = await response.json();
    return this.state;
  }

  get mode() {
    return this.state?.mode || 'local';
  }

  get signedIn() {
    return Boolean(this.state?.signedIn);
  }

  get user() {
    return this.state?.user || null;
  }

  can(action) {
    return Boolean(this.state?.can?.[action]);
  }

  /** Why the user may not do something, in a sentence; empty when they may. */
  reason(action) {
    if (this.can(action)) {
      return '';
    }
    const role = this.user?.role;
    const has = role ? `you are signed in as ${articled(role)}` : 'you have no role in Groundwork yet; ask an admin for one';
    return `${ACTION_WORDS[action] || 'This'} needs the ${ROLE_NEEDED[action] || 'admin'} role; ${has}.`;
  }

  /** The header that proves a change comes from this page; none where there is no session. */
  csrfHeaders() {
    const csrf = this.state?.csrf;
    return csrf ? { [csrf.headerName]: csrf.token } : {};
  }
}

function articled(role) {
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
}

export const session = new Session();
