// Everything the popup's view needs, behind the entry's one dynamic import: the bundler then puts
// it in one chunk the popup fetches while the page is read, instead of a file per shared module.
export { mountPopup } from './mount-popup.ts';
export { getSettings } from '../src/storage/settings.ts';
