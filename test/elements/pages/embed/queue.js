// The pre-load snippet of docs/embedding.md (in a file, as a strict CSP requires), then calls
// made before kb-elements has loaded: they must be queued and replayed in order.
(function (w) {
  var k = w.kbElements;
  // An element with the id or name "kbElements" shows as window.kbElements too: it is not ours.
  if (!k || k.nodeType || typeof k.length === 'number') k = w.kbElements = { q: [] };
  if (k.version) return; // kb-elements has loaded already
  k.q = k.q || [];
  ['open', 'close', 'toggle', 'openArticle', 'search', 'suggest', 'on'].forEach(function (m) {
    k[m] =
      k[m] ||
      function () {
        k.q.push([m, [].slice.call(arguments)]);
      };
  });
})(window);

window.seen = [];
kbElements.suggest('settings.archive');
kbElements.on('open', function (event) {
  window.seen.push(event.type);
});
kbElements.on('kb-launcher-close', function (event) {
  window.seen.push(event.type);
});
window.keptReference = window.kbElements;
