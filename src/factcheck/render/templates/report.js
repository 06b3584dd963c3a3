"use strict";
// Optional: sorts and filters the tables. Without it the page reads the same, unsorted.
(function () {
  function text(cell) { return (cell ? cell.textContent : "").trim(); }
  var collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

  document.querySelectorAll("table.sortable").forEach(function (table) {
    var body = table.tBodies[0];
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var down = th.getAttribute("aria-sort") === "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", down ? "descending" : "ascending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var order = collator.compare(text(a.cells[column]), text(b.cells[column]));
          return down ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  document.querySelectorAll(".controls").forEach(function (controls) {
    var table = document.getElementById(controls.getAttribute("data-for"));
    if (!table) { return; }
    var words = controls.querySelector(".filter-text");
    var kind = controls.querySelector(".filter-kind");
    var count = controls.querySelector(".count");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function apply() {
      var wanted = words.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var ok = (!kind.value || row.getAttribute("data-kind") === kind.value) &&
          (!wanted || row.textContent.toLowerCase().indexOf(wanted) >= 0);
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = shown + " of " + rows.length + " shown";
    }
    words.addEventListener("input", apply);
    kind.addEventListener("change", apply);
    controls.hidden = false;
    apply();
  });

  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();
