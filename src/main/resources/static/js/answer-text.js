// Pure functions over answer text: citation markers, sentences, and where a sentence sits in a passage.
// No DOM here, so the browser test can call them directly.

/** A citation marker: [1], [1, 2], [1,2]. */
const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;
const MARKERS_AT_START = /^(?:[ \t]*\[\d{1,3}(?:\s*,\s*\d{1,3})*\])+/;

/** Splits text into parts: {text} and {cites: [numbers]}, in order. */
export function splitMarkers(text) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    if (match.index > last) {
      parts.push({ text: text.slice(last, match.index) });
    }
    parts.push({ cites: match[1].split(',').map((n) => Number(n.trim())) });
    last = match.index + match[0].length;
  }
  if (last < text.length) {
    parts.push({ text: text.slice(last) });
  }
  return parts;
}

/**
 * How much of streamed text can be shown now: all of it, except a marker that is still being written
 * ("... cold [" or "... cold [1,"), which waits for its closing bracket.
 */
export function safeLength(text) {
  const open = text.lastIndexOf('[');
  if (open < 0 || text.indexOf(']', open) >= 0) {
    return text.length;
  }
  const tail = text.slice(open);
  return /^\[[\d,\s]*$/.test(tail) && tail.length < 24 ? open : text.length;
}

/**
 * Finds each checked sentence in the answer text. The answer keeps its markers and line breaks; a sentence's
 * text lacks its markers (and the space before them), so they are matched ignoring white space and markers.
 * Each range also takes the markers that follow its sentence on the same line ("offered. [2]").
 * Returns [{start, end, index}] in answer order; a sentence that cannot be found is left out.
 */
export function alignSentences(answer, sentences) {
  const kept = [];
  let chars = '';
  const keep = (from, to) => {
    for (let i = from; i < to; i++) {
      if (!/\s/.test(answer[i])) {
        kept.push(i);
        chars += answer[i];
      }
    }
  };
  let last = 0;
  for (const match of answer.matchAll(MARKER)) {
    keep(last, match.index);
    last = match.index + match[0].length;
  }
  keep(last, answer.length);

  const ranges = [];
  let cursor = 0;
  sentences.forEach((sentence, index) => {
    const needle = (sentence.text || '').replace(/\s+/g, '');
    if (!needle) {
      return;
    }
    const at = chars.indexOf(needle, cursor);
    if (at < 0) {
      return;
    }
    ranges.push({ start: kept[at], end: kept[at + needle.length - 1] + 1, index });
    cursor = at + needle.length;
  });
  ranges.forEach((range, i) => {
    const limit = i + 1 < ranges.length ? ranges[i + 1].start : answer.length;
    const trailing = MARKERS_AT_START.exec(answer.slice(range.end, limit));
    if (trailing) {
      range.end += trailing[0].length;
    }
  });
  return ranges;
}

/** The claim a marker backs while an answer streams: the sentence written just before it on its line. */
export function claimBefore(text) {
  const line = text.slice(text.lastIndexOf('\n') + 1).replace(MARKER, '');
  const pieces = line.split(/(?<=[.!?])\s+/).map((piece) => piece.trim()).filter(Boolean);
  return pieces.length ? pieces[pieces.length - 1] : '';
}

const WORD = /[\p{L}\p{N}]+/gu;

function words(text) {
  return (text.toLowerCase().match(WORD) || []).filter((word) => word.length > 2 || /\d/.test(word));
}

/** Text with runs of white space made one space and letters lower-cased, and where each character came from. */
function normalise(text) {
  let out = '';
  const from = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) {
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += ' ';
      from.push(i);
      space = false;
    }
    out += text[i].toLowerCase();
    from.push(i);
  }
  return { out, from };
}

/**
 * Where a cited sentence sits in a passage: {start, end, exact}. Exact when the passage holds the sentence
 * (white space and case aside); otherwise the passage sentence sharing most of its words, when it shares at
 * least half of them (an answer written by a model says things in its own words). Null when nothing fits.
 */
export function locate(passage, sentence) {
  const claim = (sentence || '').replace(MARKER, '').trim();
  if (!claim || !passage) {
    return null;
  }
  const direct = passage.indexOf(claim);
  if (direct >= 0) {
    return { start: direct, end: direct + claim.length, exact: true };
  }
  const hay = normalise(passage);
  for (const needle of [claim, claim.replace(/[.!?;:]+$/, '')]) {
    const n = normalise(needle).out;
    const at = n ? hay.out.indexOf(n) : -1;
    if (at >= 0) {
      return { start: hay.from[at], end: hay.from[at + n.length - 1] + 1, exact: true };
    }
  }
  const wanted = new Set(words(claim));
  if (!wanted.size) {
    return null;
  }
  let best = null;
  for (const candidate of passageSentences(passage)) {
    const have = new Set(words(passage.slice(candidate.start, candidate.end)));
    let shared = 0;
    wanted.forEach((word) => { shared += have.has(word) ? 1 : 0; });
    const score = shared / wanted.size;
    if (score >= 0.5 && (!best || score > best.score)) {
      best = { ...candidate, score };
    }
  }
  return best ? { start: best.start, end: best.end, exact: false } : null;
}

/** The sentences of a passage (each line on its own, then sentences within a line), as ranges. */
function passageSentences(passage) {
  const ranges = [];
  // a full stop inside a number ("1.2 bar") does not end a sentence
  const pattern = /(?:[^\n.!?]|[.!?](?=[^\s.!?]))+[.!?]*/g;
  for (const match of passage.matchAll(pattern)) {
    const text = match[0];
    const lead = text.length - text.trimStart().length;
    const trimmed = text.trim();
    if (trimmed) {
      ranges.push({ start: match.index + lead, end: match.index + lead + trimmed.length });
    }
  }
  return ranges;
}
