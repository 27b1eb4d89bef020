// On a page whose markup names elements like our globals (see clobbered.html): the snippet,
// then calls the API must take, and queued entries it must refuse without an error in the page.
window.clobberedBefore = {
  kbElements: String(window.kbElements),
  currentScriptIsImg: document.currentScript instanceof HTMLImageElement,
};
(function (w) {
  var k = w.kbElements;
  if (!k || k.nodeType || typeof k.length === 'number') k = w.kbElements = { q: [] };
  if (k.version) return;
  k.q = k.q || [];
  ['open', 'close', 'toggle', 'openArticle', 'search', 'suggest', 'on'].forEach(function (m) {
    k[m] =
      k[m] ||
      function () {
        k.q.push([m, [].slice.call(arguments)]);
      };
  });
})(window);
window.keptReference = window.kbElements;
kbElements.suggest('settings.archive');
kbElements.q.push(['constructor', []], ['__proto__', [1]], ['toString', []], 'not an entry', ['open', 'not a list'], null);
