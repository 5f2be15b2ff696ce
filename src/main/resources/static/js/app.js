// The page: ask, read the cited passages, add and manage documents.

import { Ask } from './ask.js';
import { Documents } from './documents.js';
import { Stats } from './stats.js';
import { Uploads } from './upload.js';

const ask = new Ask();
const documents = new Documents();
const stats = new Stats();
new Uploads();

documents.load();
stats.refresh();
ask.fromUrl();
document.documentElement.classList.add('is-ready');
