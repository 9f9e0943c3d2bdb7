// Riposte console, incident pages: behaviour htmx attributes do not cover. A file, not inline (the CSP forbids that).
(function () {
  "use strict";

  function uploadError(form, message) {
    var out = form.querySelector(".upload-error");
    if (out) out.textContent = message;
  }

  // A file larger than the server's limit is refused here, before it is sent (the server refuses it too: 413).
  function tooLarge(form) {
    var max = Number(form.getAttribute("data-max-bytes"));
    var input = form.querySelector("input[type=file]");
    if (!max || !input || !input.files || !input.files.length) return false;
    var size = input.files[0].size;
    if (size <= max) return false;
    uploadError(form, input.files[0].name + " is " + size + " bytes; the server accepts at most " + max + " bytes.");
    return true;
  }

  document.addEventListener("submit", function (e) {
    if (e.target.matches("form[data-max-bytes]") && tooLarge(e.target)) e.preventDefault();
  }, true);
  document.addEventListener("htmx:beforeRequest", function (e) {
    var form = e.detail.elt;
    if (form && form.matches && form.matches("form[data-max-bytes]") && tooLarge(form)) e.preventDefault();
  });

  // An htmx request that fails (403, 413, 500...) is not swapped; say what happened instead of doing nothing.
  document.addEventListener("htmx:responseError", function (e) {
    var xhr = e.detail.xhr;
    var message = "The request failed (HTTP " + xhr.status + ").";
    try {
      var problem = JSON.parse(xhr.responseText);
      if (problem && problem.detail) message = problem.detail;
    } catch (ignored) { /* not a problem document */ }
    var form = e.detail.elt && e.detail.elt.closest ? e.detail.elt.closest("form") : null;
    if (form && form.querySelector(".upload-error")) { uploadError(form, message); return; }
    var region = document.getElementById("console-error");
    if (region) region.textContent = message;
  });

  // Incident tabs from the keyboard: arrow keys move between tabs, Enter opens one; after htmx swapped the page in,
  // focus goes back to the chosen tab instead of being lost with the replaced element.
  var tabChosen = false;
  document.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    var tab = e.target.closest ? e.target.closest("[role=tab]") : null;
    if (!tab) return;
    var tabs = Array.prototype.slice.call(tab.closest("[role=tablist]").querySelectorAll("[role=tab]"));
    var i = tabs.indexOf(tab);
    tabs[(i + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length].focus();
    e.preventDefault();
  });
  document.addEventListener("htmx:beforeRequest", function (e) {
    tabChosen = !!(e.detail.elt && e.detail.elt.getAttribute && e.detail.elt.getAttribute("role") === "tab");
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (!tabChosen) return;
    tabChosen = false;
    var selected = document.querySelector("#incident [role=tab][aria-selected=true]");
    if (selected) selected.focus();
  });

  // "Close" buttons of the run panel empty it.
  document.addEventListener("click", function (e) {
    var button = e.target.closest ? e.target.closest("[data-close]") : null;
    if (!button) return;
    var target = document.querySelector(button.getAttribute("data-close"));
    if (target) target.innerHTML = "";
  });

  // Choosing a playbook in a menu closes the menu (the form opens in the run panel).
  document.addEventListener("htmx:afterRequest", function (e) {
    var menu = e.detail.elt && e.detail.elt.closest ? e.detail.elt.closest("details.menu-button") : null;
    if (menu && e.detail.elt.classList.contains("menu-item")) menu.removeAttribute("open");
  });

  // Only one action menu open at a time; a click elsewhere closes it (Escape is handled by console.js).
  document.addEventListener("toggle", function (e) {
    var d = e.target;
    if (!d.matches || !d.matches("details.menu-button") || !d.open) return;
    document.querySelectorAll("details.menu-button[open]").forEach(function (other) {
      if (other !== d) other.removeAttribute("open");
    });
  }, true);
  document.addEventListener("click", function (e) {
    document.querySelectorAll("details.menu-button[open]").forEach(function (d) {
      if (!d.contains(e.target)) d.removeAttribute("open");
    });
  });
})();
