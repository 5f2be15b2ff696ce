// Small DOM helpers. Every piece of text goes into the page as a text node: document text and model output are
// never parsed as HTML. The page's Content-Security-Policy requires Trusted Types, so an HTML sink such as
// innerHTML would throw even if someone tried.

const FORBIDDEN_ATTRIBUTES = new Set(['style', 'href', 'src', 'srcdoc', 'action', 'formaction', 'innerhtml']);

/**
 * Creates an element. props: class, text, dataset, hidden, on<event> (functions) and plain attributes.
 * Children are nodes or strings (strings become text nodes).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      node.className = value;
    } else if (key === 'text') {
      node.textContent = String(value);
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (key === 'hidden') {
      node.hidden = true;
    } else if (key.startsWith('on')) {
      if (typeof value !== 'function') {
        throw new TypeError(`${key} must be a function`);
      }
      node.addEventListener(key.slice(2), value);
    } else if (FORBIDDEN_ATTRIBUTES.has(key.toLowerCase())) {
      throw new TypeError(`${key} is not set through el()`);
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(node, ...children);
  return node;
}

/** Appends nodes and strings (as text) to a parent, skipping null and false. */
export function append(parent, ...children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of a node. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  return append(parent, ...children);
}

export function byId(id) {
  const node = document.getElementById(id);
  if (!node) {
    throw new Error(`The page lacks #${id}`);
  }
  return node;
}

let announceTimer;

/** Says something to screen readers through the page's polite live region. */
export function announce(message) {
  const region = byId('announcer');
  clearTimeout(announceTimer);
  region.textContent = '';
  // A short pause makes screen readers notice the same message said twice.
  announceTimer = setTimeout(() => { region.textContent = message; }, 60);
}

export function prefersReducedMotion() {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Whether the element's top or bottom lies outside the viewport. */
export function outOfView(node) {
  const box = node.getBoundingClientRect();
  return box.top < 0 || box.top > window.innerHeight - 80;
}

/** Dispatches a page-wide event that other parts of the page listen to. */
export function emit(name, detail) {
  document.dispatchEvent(new CustomEvent(`groundwork:${name}`, { detail }));
}

export function on(name, listener) {
  document.addEventListener(`groundwork:${name}`, (event) => listener(event.detail));
}
