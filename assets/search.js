// Search for briefgen sites: loads the search index named by the form's
// data-index attribute and ranks its documents against the query, in the
// browser. No dependencies; results are built as DOM nodes, never as HTML.
(function () {
  "use strict";

  var form = document.querySelector("form[data-index]");
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var status = document.getElementById("search-status");
  if (!form || !input || !list) return;

  var MAX = 30;
  var LABELS = { brief: "Brief", actor: "Actor", theme: "Theme", timeline: "Event" };
  var docs = null;
  var timer = 0;

  // fold lowercases s and strips diacritics. It also returns, for each
  // character of the folded text, the index of the character of s it came
  // from, so that matches can be highlighted in the original text.
  function fold(s) {
    var out = "", map = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i);
      var code = s.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length) c += s.charAt(i + 1); // keep surrogate pairs whole
      var f = c.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
      for (var j = 0; j < f.length; j++) { out += f.charAt(j); map.push(i); }
      i += c.length - 1;
    }
    map.push(s.length);
    return { text: out, map: map };
  }

  function tokens(q) {
    var seen = {}, out = [];
    fold(q).text.split(/[^\p{L}\p{N}%$€£.-]+/u).forEach(function (t) {
      t = t.replace(/^[.-]+|[.-]+$/g, "");
      if (t && !seen[t]) { seen[t] = true; out.push(t); }
    });
    return out;
  }

  function isWordStart(text, i) {
    return i === 0 || !/[\p{L}\p{N}]/u.test(text.charAt(i - 1));
  }

  // count returns how often tok occurs in text, and whether one occurrence
  // starts a word.
  function count(text, tok) {
    var n = 0, start = false, i = text.indexOf(tok);
    while (i >= 0 && n < 20) {
      n++;
      if (isWordStart(text, i)) start = true;
      i = text.indexOf(tok, i + tok.length);
    }
    return { n: n, start: start };
  }

  // Index URLs are relative to the index itself.
  var indexURL = new URL(form.getAttribute("data-index"), window.location.href);

  function prepare(raw) {
    return raw.map(function (d) {
      var title = String(d.title || ""), text = String(d.text || "");
      return {
        kind: String(d.kind || ""), title: title, href: new URL(String(d.url || ""), indexURL).href, text: text, date: String(d.date || ""),
        ftitle: fold(title), ftext: fold(text)
      };
    });
  }

  // score ranks a document: every token must occur in the title or the
  // text; title matches weigh most, whole-word matches more than partial.
  function score(d, toks, phrase) {
    var s = 0;
    for (var i = 0; i < toks.length; i++) {
      var t = count(d.ftitle.text, toks[i]), x = count(d.ftext.text, toks[i]);
      if (!t.n && !x.n) return 0;
      if (t.n) s += 10 + (t.start ? 6 : 0);
      if (x.n) s += Math.min(x.n, 5) + (x.start ? 1 : 0);
    }
    if (toks.length > 1 && d.ftitle.text.indexOf(phrase) >= 0) s += 15;
    if (d.ftitle.text === phrase) s += 20;
    if (d.kind !== "brief") s += 1; // actor, theme and event pages summarise many briefs
    return s;
  }

  // ranges returns the [start, end) ranges, in the original string, of every
  // token occurrence in the folded text f.
  function ranges(f, toks, from, to) {
    var out = [];
    toks.forEach(function (t) {
      var i = f.text.indexOf(t);
      while (i >= 0) {
        var a = f.map[i], b = f.map[i + t.length];
        if (a >= from && b <= to) out.push([a, b]);
        i = f.text.indexOf(t, i + t.length);
      }
    });
    out.sort(function (x, y) { return x[0] - y[0] || y[1] - x[1]; });
    var merged = [];
    out.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push(r.slice());
    });
    return merged;
  }

  // highlight appends s[from:to] to el, with the matches in <mark>.
  function highlight(el, s, f, toks, from, to) {
    var pos = from;
    ranges(f, toks, from, to).forEach(function (r) {
      if (r[0] > pos) el.appendChild(document.createTextNode(s.slice(pos, r[0])));
      var m = document.createElement("mark");
      m.textContent = s.slice(r[0], r[1]);
      el.appendChild(m);
      pos = r[1];
    });
    if (pos < to) el.appendChild(document.createTextNode(s.slice(pos, to)));
  }

  // snippet appends to el one or two excerpts of d's text, cut at word
  // boundaries, chosen to show as many of the query's tokens as possible.
  function snippet(el, d, toks) {
    var s = d.text, f = d.ftext, hits = [], covered = {}, parts = [];
    toks.forEach(function (t, k) {
      for (var i = f.text.indexOf(t), n = 0; i >= 0 && n < 50; i = f.text.indexOf(t, i + t.length), n++) hits.push([i, k]);
    });
    for (var round = 0; round < 2; round++) {
      var best = -1, bestN = 0;
      hits.forEach(function (h) {
        var seen = {}, n = 0;
        hits.forEach(function (o) {
          if (o[0] >= h[0] - 50 && o[0] < h[0] + 90 && !covered[o[1]] && !seen[o[1]]) { seen[o[1]] = true; n++; }
        });
        if (n > bestN) { best = h[0]; bestN = n; }
      });
      if (best < 0) break;
      hits.forEach(function (o) { if (o[0] >= best - 50 && o[0] < best + 90) covered[o[1]] = true; });
      parts.push(f.map[best]);
    }
    if (!parts.length) parts.push(0);
    parts.sort(function (a, b) { return a - b; });
    var width = parts.length > 1 ? 130 : 230, last = -1;
    parts.forEach(function (at) {
      var from = Math.max(0, at - 60, last), to = Math.min(s.length, from + width);
      if (from > 0) { var sp = s.indexOf(" ", from); if (sp > 0 && sp < at) from = sp + 1; }
      if (to < s.length) { var sp2 = s.lastIndexOf(" ", to); if (sp2 > at) to = sp2; }
      if (last >= 0 && from <= last + 1) from = last;
      else if (from > 0) el.appendChild(document.createTextNode(last >= 0 ? " … " : "… "));
      highlight(el, s, f, toks, from, to);
      last = to;
    });
    if (last < s.length) el.appendChild(document.createTextNode(" …"));
  }

  function say(msg) { if (status) status.textContent = msg; }

  function render(q) {
    while (list.firstChild) list.removeChild(list.firstChild);
    var toks = tokens(q);
    if (!toks.length) { say(docs ? "Type a name, a place, a theme or a figure." : ""); return; }
    if (!docs) return;
    var phrase = toks.join(" ");
    var hits = [];
    docs.forEach(function (d, i) {
      var s = score(d, toks, phrase);
      if (s > 0) hits.push({ d: d, s: s, i: i });
    });
    hits.sort(function (a, b) { return b.s - a.s || a.i - b.i; });
    var total = hits.length;
    hits.slice(0, MAX).forEach(function (h) {
      var d = h.d;
      var li = document.createElement("li");
      var head = document.createElement("div");
      head.className = "result-head";
      var badge = document.createElement("span");
      badge.className = "badge badge-" + d.kind.replace(/[^a-z]/g, "");
      badge.textContent = LABELS[d.kind] || d.kind;
      var a = document.createElement("a");
      a.className = "result-title";
      a.href = d.href;
      highlight(a, d.title, d.ftitle, toks, 0, d.title.length);
      head.appendChild(badge);
      head.appendChild(a);
      if (d.date) {
        var dt = document.createElement("span");
        dt.className = "result-date";
        dt.textContent = d.date;
        head.appendChild(dt);
      }
      li.appendChild(head);
      if (d.text) {
        var p = document.createElement("p");
        p.className = "result-snippet";
        snippet(p, d, toks);
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    var quoted = "\u201C" + q.trim() + "\u201D";
    if (!total) say("No results for " + quoted + ". Try fewer or shorter words.");
    else if (total > MAX) say(total + " results for " + quoted + "; showing the best " + MAX + ".");
    else say(total + (total === 1 ? " result" : " results") + " for " + quoted + ".");
  }

  function keep(q) {
    try {
      var u = new URL(window.location.href);
      if (q.trim()) u.searchParams.set("q", q); else u.searchParams.delete("q");
      history.replaceState(null, "", u.toString());
    } catch (e) { /* some browsers refuse on file:// */ }
  }

  function update() {
    var q = input.value;
    keep(q);
    render(q);
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); update(); });
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 120); });

  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  input.focus();
  say("Loading the search index…");

  // load fetches the index; pages opened from file://, where browsers block
  // fetch, load the copy of the index that the build wrote as a script.
  function load() {
    var script = form.getAttribute("data-index-script");
    if (window.location.protocol !== "file:" || !script) {
      return fetch(indexURL.href).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      });
    }
    return new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      el.src = script;
      el.onload = function () { resolve(window.briefgenSearchIndex); };
      el.onerror = function () { reject(new Error(script + " did not load")); };
      document.head.appendChild(el);
    });
  }

  load()
    .then(function (raw) {
      if (!Array.isArray(raw)) throw new Error("the index is not a list");
      docs = prepare(raw);
      say("");
      render(input.value);
    })
    .catch(function (err) {
      say("The search index could not be loaded (" + err.message + "). " +
        (location.protocol === "file:" ? "Build the site with --relative-urls to search it from files, or browse the lists instead." : "Please try again later, or browse the lists instead."));
    });
})();
