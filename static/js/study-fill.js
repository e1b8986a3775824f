// “Fill from identifier” on the article admin's study forms, without leaving the page. Without
// JavaScript (or if this script fails to load) the same button submits the form, and the
// server fills the study and shows the form again (articles/admin/studies.py).
(function () {
  "use strict";

  function prefixOf(container) {
    var input = container.querySelector("input[name$='-lookup']");
    return input ? input.name.replace(/-lookup$/, "") : null;
  }

  function field(container, prefix, name) {
    return container.querySelector("[name='" + prefix + "-" + name + "']");
  }

  function fill(container, prefix, data) {
    var filled = [], replaced = [];
    Object.keys(data.values).forEach(function (name) {
      var input = field(container, prefix, name);
      if (!input) { return; }
      var before = input.value.trim(), value = data.values[name];
      if (before === value) { return; }
      (before ? replaced : filled).push(data.labels[name]);
      input.value = value;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    var parts = [data.source];
    if (filled.length) { parts.push("Filled: " + filled.join(", ") + "."); }
    if (replaced.length) { parts.push("Replaced: " + replaced.join(", ") + "."); }
    if (!filled.length && !replaced.length) {
      parts.push("The study already matched the record: nothing changed.");
    }
    parts.push(data.design);
    return parts.concat(data.warnings, ["Check the fields, then save to keep them."]).join(" ");
  }

  function lookUp(button) {
    var container = button.closest(".inline-related") || document;
    var prefix = prefixOf(container);
    var status = container.querySelector(".study-lookup__status");
    if (!prefix || !status) { return false; }
    var typed = ["lookup", "doi", "pmid"].map(function (name) {
      var input = field(container, prefix, name);
      return input ? input.value.trim() : "";
    }).filter(Boolean);
    var url = button.getAttribute("data-lookup-url") + "?identifier=" +
      encodeURIComponent(typed[0] || "");
    status.textContent = "Looking the study up…";
    button.disabled = true;
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .then(function (answer) {
        status.textContent = answer.ok ? fill(container, prefix, answer.data) :
          "Not filled. " + answer.data.message;
      })
      .catch(function () {
        status.textContent = "Not filled: the look-up did not answer. Nothing you typed was " +
          "changed; fill in the study by hand, or try again.";
      })
      .finally(function () { button.disabled = false; });
    return true;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.study-lookup__button");
    if (button && window.fetch && lookUp(button)) { event.preventDefault(); }
  });
})();
