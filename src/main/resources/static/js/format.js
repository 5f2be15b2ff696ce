// Numbers, sizes, times and types, in words a person reads at a glance.

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' });

export function formatNumber(n) {
  return integer.format(n);
}

/** "1 passage", "12 passages". */
export function plural(n, one, many) {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined || Number.isNaN(bytes)) {
    return '';
  }
  if (bytes < 1024) {
    return plural(bytes, 'byte', 'bytes');
  }
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? oneDecimal.format(value) : integer.format(value)} ${units[unit]}`;
}

/** "120 ms", "1.4 s". */
export function formatDuration(ms) {
  if (ms < 1000) {
    return `${integer.format(ms)} ms`;
  }
  return `${oneDecimal.format(ms / 1000)} s`;
}

/** "about 20 seconds", "about 3 minutes". */
export function formatEta(seconds) {
  if (seconds < 60) {
    return `about ${plural(Math.max(1, Math.round(seconds)), 'second', 'seconds')}`;
  }
  return `about ${plural(Math.round(seconds / 60), 'minute', 'minutes')}`;
}

export function absoluteTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateTime.format(date);
}

/** "just now", "5 minutes ago", "yesterday", "3 days ago", then the date. */
export function relativeTime(iso, now = Date.now()) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const seconds = Math.round((date.getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) {
    return 'just now';
  }
  if (abs < 3600) {
    return relative.format(Math.round(seconds / 60), 'minute');
  }
  if (abs < 86400) {
    return relative.format(Math.round(seconds / 3600), 'hour');
  }
  if (abs < 86400 * 7) {
    return relative.format(Math.round(seconds / 86400), 'day');
  }
  return absoluteTime(iso);
}

const TYPES = new Map([
  ['application/pdf', 'PDF'],
  ['text/plain', 'Plain text'],
  ['text/markdown', 'Markdown'],
  ['text/x-web-markdown', 'Markdown'],
  ['text/html', 'Web page'],
  ['application/xhtml+xml', 'Web page'],
  ['text/csv', 'CSV table'],
  ['application/rtf', 'Rich text'],
  ['text/rtf', 'Rich text'],
  ['application/msword', 'Word (old format)'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word'],
  ['application/vnd.ms-word.document.macroenabled.12', 'Word'],
  ['application/vnd.ms-excel', 'Excel (old format)'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel'],
  ['application/vnd.ms-excel.sheet.macroenabled.12', 'Excel'],
  ['application/vnd.ms-powerpoint', 'PowerPoint (old format)'],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation', 'PowerPoint'],
  ['application/vnd.ms-powerpoint.presentation.macroenabled.12', 'PowerPoint'],
  ['application/vnd.oasis.opendocument.text', 'OpenDocument text'],
  ['application/vnd.oasis.opendocument.spreadsheet', 'OpenDocument spreadsheet'],
  ['application/vnd.oasis.opendocument.presentation', 'OpenDocument slides'],
  ['message/rfc822', 'E-mail'],
  ['application/vnd.ms-outlook', 'Outlook e-mail'],
  ['application/epub+zip', 'E-book (EPUB)'],
  ['application/xml', 'XML'],
  ['text/xml', 'XML'],
  ['application/json', 'JSON'],
  ['application/zip', 'ZIP archive'],
  ['application/gzip', 'Gzip archive'],
  ['application/x-gzip', 'Gzip archive'],
  ['application/x-tar', 'Tar archive'],
  ['application/x-gtar', 'Tar archive'],
  ['application/x-bzip2', 'Bzip2 archive'],
  ['application/x-xz', 'XZ archive'],
  ['application/x-7z-compressed', '7-Zip archive'],
  ['application/x-cpio', 'Cpio archive'],
  ['application/x-compress', 'Compressed file'],
  ['application/mbox', 'Mailbox (mbox)'],
  ['application/vnd.ms-outlook-pst', 'Outlook mailbox (PST)'],
  ['application/x-tika-pst-mail-item', 'Outlook e-mail'],
  ['application/onenote', 'OneNote'],
  ['image/svg+xml', 'SVG drawing'],
]);

/** A content type as a person names it: "PDF", "Word", "Web page". */
export function friendlyType(contentType) {
  if (!contentType) {
    return 'Unknown';
  }
  const base = contentType.split(';')[0].trim().toLowerCase();
  if (TYPES.has(base)) {
    return TYPES.get(base);
  }
  if (base.startsWith('text/')) {
    return 'Text';
  }
  const subtype = base.split('/')[1] || base;
  return subtype.replace(/^(x-|vnd\.)/, '').toUpperCase();
}
