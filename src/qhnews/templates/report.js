/* qhnews review report: selection, the status line and keyboard navigation.
   Text goes into the page through textContent only, never as HTML. */
(function () {
  "use strict";

  function role(piece) {
    var m = /(?:^| )r-([a-z]+)/.exec(piece.className);
    return m ? m[1] : "";
  }

  function has(list, value) {
    return (" " + (list || "") + " ").indexOf(" " + value + " ") >= 0;
  }

  function init(root) {
    if (root.getAttribute("data-qh-ready")) return;
    root.setAttribute("data-qh-ready", "1");
    var lines = Array.prototype.slice.call(root.querySelectorAll(".qh-ln"));
    var info = root.querySelector(".qh-info");
    var raw = root.querySelector(".qh-raw");
    var arts = root.querySelector(".qh-arts");

    function clear() {
      root.classList.remove("qh-sel");
      root.querySelectorAll(".qh-hl, .qh-on, .qh-cur").forEach(function (el) {
        el.classList.remove("qh-hl", "qh-on", "qh-cur");
      });
    }

    function within(pane, el) {
      var top = el.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
      pane.scrollTop = Math.max(0, top - pane.clientHeight / 3);
    }

    function select(a, scrollLines, scrollCard) {
      clear();
      root.classList.add("qh-sel");
      var hit = lines.filter(function (l) { return has(l.getAttribute("data-a"), a); });
      hit.forEach(function (l) { l.classList.add("qh-hl"); });
      root.querySelectorAll('.qh-pc[data-a="' + a + '"]').forEach(function (p) { p.classList.add("qh-on"); });
      var card = root.querySelector('.qh-art[data-a="' + a + '"]');
      if (card) card.classList.add("qh-on");
      if (scrollLines && hit.length) within(raw, hit[0]);
      if (scrollCard && card) within(arts, card);
      return card;
    }

    function say(parts) {
      info.textContent = "";
      parts.forEach(function (p) {
        var el = document.createElement(p[1] ? "b" : "span");
        el.textContent = p[0];
        info.appendChild(el);
      });
    }

    arts.addEventListener("click", function (e) {
      var card = e.target.closest(".qh-art");
      var part = e.target.closest("[data-l]");
      if (!card && !part) return;
      var said = [];
      if (card) {
        var a = card.getAttribute("data-a");
        select(a, !part, false);
        var n = root.querySelectorAll(".qh-ln.qh-hl").length;
        var title = card.querySelector(".qh-title");
        said.push(["Article " + (Number(a) + 1) + " ", true]);
        said.push(["«" + (title ? title.textContent : "") + "»: " + n + " line" + (n === 1 ? "" : "s") + " highlighted", false]);
      } else {
        clear();
      }
      if (part) {
        var r = part.getAttribute("data-l").split("-").map(Number);
        var hit = lines.filter(function (l) { var k = Number(l.getAttribute("data-n")); return k >= r[0] && k <= r[1]; });
        hit.forEach(function (l) { l.classList.add("qh-cur"); });
        if (!card) {
          root.classList.add("qh-sel");
          hit.forEach(function (l) { l.classList.add("qh-hl"); });
        }
        if (hit.length) within(raw, hit[0]);
        said.push([(said.length ? " · " : "") + "this " + role(part) + ": ", !said.length]);
        said.push(["line" + (r[0] === r[1] ? " " + r[0] : "s " + r[0] + "–" + r[1]), false]);
      }
      say(said);
    });
    arts.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && e.target.classList.contains("qh-art")) e.target.click();
    });

    raw.addEventListener("click", function (e) {
      var line = e.target.closest(".qh-ln");
      if (!line) return;
      var piece = e.target.closest(".qh-pc") || line.querySelector(".qh-pc");
      var n = line.getAttribute("data-n");
      if (!piece) {
        clear();
        say([["Line " + n + ": ", true], ["blank", false]]);
        return;
      }
      var a = piece.getAttribute("data-a");
      var card = null;
      if (a !== null) card = select(a, false, true);
      else clear();
      line.classList.add("qh-cur");
      var roles = Array.prototype.map.call(line.querySelectorAll(".qh-pc"), role);
      var parts = [["Line " + n + ": ", true], [role(piece), true]];
      if (roles.length > 1) parts.push([" (the line holds " + roles.join(" + ") + ")", false]);
      if (card) {
        var title = card.querySelector(".qh-title");
        parts.push([" · article " + (Number(a) + 1) + " «" + (title ? title.textContent : "") + "»", false]);
      }
      parts.push([" · rule: ", false], [piece.getAttribute("data-why") || "—", true]);
      say(parts);
    });
  }

  function keys() {
    document.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      var t = e.target;
      if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable)) return;
      var rel = { ArrowRight: "next", n: "next", ArrowLeft: "prev", p: "prev", i: "index" }[e.key];
      var link = rel && document.querySelector('.qh-nav a[rel="' + rel + '"]');
      if (link) {
        e.preventDefault();
        window.location.href = link.getAttribute("href");
      }
      if (e.key === "Escape") {
        document.querySelectorAll(".qh-page").forEach(function (root) {
          root.classList.remove("qh-sel");
          root.querySelectorAll(".qh-hl, .qh-on, .qh-cur").forEach(function (el) { el.classList.remove("qh-hl", "qh-on", "qh-cur"); });
        });
      }
    });
  }

  /* After the index: next and previous follow the order the index showed (sorted, filtered), when the
     tab has it; else the input order the links were written with. */
  function indexOrder() {
    var nav = document.querySelector(".qh-nav");
    var m = /^(.*\/)pages\/([^\/]+)$/.exec(location.pathname);
    if (!nav || !m) return;
    var list = null;
    try { list = JSON.parse(sessionStorage.getItem("qh-order:" + m[1]) || "null"); } catch (e) { return; }
    var at = list ? list.indexOf("pages/" + m[2]) : -1;
    if (at < 0) return;
    function link(rel, k, label) {
      var a = nav.querySelector('a[rel="' + rel + '"]');
      if (k < 0 || k >= list.length) {
        if (a) a.remove();
        return;
      }
      if (!a) {
        a = document.createElement("a");
        a.rel = rel;
        a.textContent = label;
        if (rel === "prev") nav.insertBefore(a, nav.querySelector(".qh-num"));
        else nav.appendChild(a);
      }
      a.href = "../" + list[k];
    }
    link("prev", at - 1, "← previous");
    link("next", at + 1, "next →");
    nav.querySelector(".qh-num").textContent = "page " + (at + 1) + " of " + list.length + ", in the index's order";
  }

  document.querySelectorAll(".qh-page").forEach(init);
  indexOrder();
  if (document.querySelector(".qh-nav") && !window.qhKeys) {
    window.qhKeys = true;
    keys();
  }
})();
