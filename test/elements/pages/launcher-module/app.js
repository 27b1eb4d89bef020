// A bundler app's use of the built entry (dist/launcher.js, as `kb-elements/launcher` resolves).
import * as kb from '/dist/launcher.js';

window.kb = kb;
