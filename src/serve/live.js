// seloste serve: reloads the page when the project has been built again. Injected only into
// the pages `seloste serve` serves, never into built files.
(function () {
  'use strict';
  var script = document.currentScript;
  var build = script && script.getAttribute('data-build');
  // The panel stays as the reader left it, open or closed, across reloads.
  var details = document.getElementById('seloste-serve-details');
  var key = 'seloste-serve-open';
  if (details && window.sessionStorage) {
    var problems = document.getElementById('seloste-serve').getAttribute('data-problems');
    var saved = sessionStorage.getItem(key);
    // A build with other problems than the last one opens the panel as the server chose.
    if (saved && saved.split(' ')[1] === problems) details.open = saved.split(' ')[0] === '1';
    details.addEventListener('toggle', function () {
      sessionStorage.setItem(key, (details.open ? '1 ' : '0 ') + problems);
    });
  }
  // The spacer at the page's foot is as tall as the panel, open or closed.
  var panel = document.getElementById('seloste-serve');
  var spacer = document.getElementById('seloste-serve-spacer');
  if (panel && spacer && window.ResizeObserver) {
    new ResizeObserver(function () {
      spacer.style.height = panel.offsetHeight + 'px';
    }).observe(panel);
  }
  if (!build || !window.EventSource) return;
  var events = new EventSource('/__seloste/events');
  events.onmessage = function (e) {
    if (e.data && e.data !== build) {
      events.close();
      location.reload();
    }
  };
})();
