// Progressive enhancement only: every page works without this file.
// "/" focuses the search box; a button opens or closes every "Where this comes from" panel at once.
(function () {
  // On a phone the search results come first: the refine links wait behind their "Filters" control (open
  // on wide screens, and for anyone without JavaScript). The class lets the stylesheet move that control
  // above the results only when it can be closed.
  document.documentElement.className += " js";
  document.addEventListener("DOMContentLoaded", function () {
    if (!window.matchMedia || !window.matchMedia("(max-width: 799px)").matches) return;
    Array.prototype.forEach.call(document.querySelectorAll("details.refine"), function (d) { d.open = false; });
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var q = document.getElementById("q");
    if (q) { e.preventDefault(); q.focus(); }
  });
  // The edit page has a Card form and an Appraisal form: saving one must not silently drop unsaved changes
  // in the other (a corrected verdict left behind by "Save card"). Ask before leaving them.
  document.addEventListener("DOMContentLoaded", function () {
    var forms = document.querySelectorAll("form[data-edit-part]");
    if (forms.length < 2) return;
    var dirty = {};
    Array.prototype.forEach.call(forms, function (f) {
      var part = f.getAttribute("data-edit-part");
      f.addEventListener("input", function () { dirty[part] = true; });
      f.addEventListener("change", function () { dirty[part] = true; });
      f.addEventListener("submit", function (e) {
        var other = Object.keys(dirty).filter(function (k) { return k !== part && dirty[k]; });
        if (other.length && !window.confirm("You changed the " + other.join(" and ") + " but have not saved it. " +
            "Saving the " + part + " now drops those changes. Save the " + part + " anyway?")) {
          e.preventDefault();
        }
      });
    });
  });
  document.addEventListener("DOMContentLoaded", function () {
    var panels = document.querySelectorAll("details.prov");
    var link = document.querySelector(".provlink");
    if (!panels.length || !link) return;
    var btn = document.createElement("button");
    btn.type = "button";
    btn.className = "secondary";
    function label() {
      var open = Array.prototype.every.call(panels, function (d) { return d.open; });
      btn.textContent = open ? "Hide all sources" : "Show all sources";
      return open;
    }
    btn.addEventListener("click", function () {
      var open = label();
      Array.prototype.forEach.call(panels, function (d) { d.open = !open; });
      label();
    });
    label();
    link.parentNode.insertBefore(btn, link);
  });
})();
