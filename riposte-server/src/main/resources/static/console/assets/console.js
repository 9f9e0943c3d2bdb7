// Riposte console behaviour that htmx attributes do not cover. Loaded as a file (the CSP forbids inline scripts).
(function () {
  "use strict";
  // Close the user menu when clicking elsewhere or pressing Escape.
  document.addEventListener("click", function (e) {
    document.querySelectorAll("details.user-menu[open]").forEach(function (d) {
      if (!d.contains(e.target)) d.removeAttribute("open");
    });
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      document.querySelectorAll("details[open].user-menu, details[open].menu-button").forEach(function (d) {
        d.removeAttribute("open");
        var s = d.querySelector("summary"); if (s) s.focus();
      });
    }
  });
  // Buttons with data-confirm ask before their form is submitted (no inline handlers).
  document.addEventListener("submit", function (e) {
    var button = e.submitter;
    var message = (button && button.getAttribute("data-confirm")) || e.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) e.preventDefault();
  });
})();
