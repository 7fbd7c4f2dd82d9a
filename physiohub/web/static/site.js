// Progressive enhancement only: every page works without this file.
// "/" focuses the search box; a button opens or closes every "Where this comes from" panel at once.
(function () {
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var q = document.getElementById("q");
    if (q) { e.preventDefault(); q.focus(); }
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
