// Answer text cut into plain text and citation markers, at the places the server gives: the page finds neither
// markers nor sentences itself (the server's checks do, once, for the stream and for the answer). No DOM here, so
// the browser test can call it directly.

/**
 * The pieces of text[from, to) in order: {text} for plain text, {marker} for each of `markers` ({start, end,
 * citations}) that lies within it. Markers outside the range, or overlapping one before, are left as text.
 */
export function pieces(text, markers, from = 0, to = text.length) {
  const parts = [];
  let position = from;
  for (const marker of [...markers].sort((a, b) => a.start - b.start)) {
    if (marker.start < position || marker.end > to) {
      continue;
    }
    if (marker.start > position) {
      parts.push({ text: text.slice(position, marker.start) });
    }
    parts.push({ marker });
    position = marker.end;
  }
  if (position < to) {
    parts.push({ text: text.slice(position, to) });
  }
  return parts;
}
