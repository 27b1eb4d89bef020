// The pre-load snippet of docs/embedding.md (in a file, as a strict CSP requires), then calls
// made before kb-elements has loaded: they must be queued and replayed in order.
window.kbElements = window.kbElements || { q: [] };
['open', 'close', 'toggle', 'openArticle', 'search', 'suggest', 'on'].forEach(function (m) {
  window.kbElements[m] = window.kbElements[m] || function () { window.kbElements.q.push([m, [].slice.call(arguments)]); };
});

window.seen = [];
kbElements.suggest('settings.archive');
kbElements.on('open', function (event) { window.seen.push(event.type); });
kbElements.on('kb-launcher-close', function (event) { window.seen.push(event.type); });
window.keptReference = window.kbElements;
