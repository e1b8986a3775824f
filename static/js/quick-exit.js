/* Quick exit: "Exit this page" leaves for a neutral site and replaces this page in the
   browser's history, so Back does not return to it; pressing Shift three times in a row
   does the same. Without JavaScript the button is an ordinary link to the same site. */
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) {
    return;
  }
  var WINDOW_MS = 2000;
  var presses = [];

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.classList.add("is-leaving");
    document.title = "Loading";
    window.location.replace(link.href);
  }

  link.addEventListener("click", leave);
  var keys = link.querySelector(".quick-exit__keys");
  if (keys) {
    keys.hidden = false;
  }
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = [];
      return;
    }
    if (event.repeat) {
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (time) { return now - time < WINDOW_MS; });
    presses.push(now);
    if (presses.length >= 3) {
      leave();
    }
  });
})();
