// Entry of the single-file script-tag bundle (dist/kb-elements.js): every element and the API.
import * as api from './index';

declare global {
  interface Window {
    kbElementsBundle?: typeof api;
  }
}

export default api;
