// Sort any <table class="sortable"> by clicking a column heading (again to reverse). A cell's data-sort
// attribute, when present, is the value sorted by (numbers compare as numbers).
(function () {
  "use strict";
  function value(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
    var number = Number(raw);
    return raw !== "" && !isNaN(number) ? number : raw;
  }
  function sortBy(table, index, descending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a, index), y = value(b, index);
      var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh");
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    table.dataset.sortedBy = String(index);
    table.dataset.descending = String(descending);
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, index) {
      th.style.cursor = "pointer";
      th.title = "sort";
      th.addEventListener("click", function () {
        var again = table.dataset.sortedBy === String(index) && table.dataset.descending !== "true";
        sortBy(table, index, again);
      });
    });
  });
})();
