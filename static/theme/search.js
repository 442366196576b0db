// blogen search: loads the shards of the index that hold a query's words
// (see internal/search), ranks the posts that have every word (title
// matches first) and shows them: on the search page, which reads the
// query from ?q= or its box, with the words marked in a snippet; under
// the header's box, as a list of the first few to choose from (blogen.js
// loads this script when the reader first types there). Nothing is
// fetched until there is a query.
(function () {
  "use strict";
  var conf = document.querySelector("[data-search-base]");
  if (!conf || !window.fetch || !window.TextEncoder) { return; }
  var base = conf.getAttribute("data-search-base");
  var nShards = Number(conf.getAttribute("data-shards"));
  var shards = {};
  var docs = {};

  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  var PAIRED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]/u;
  var encoder = new TextEncoder();

  // cut shortens a term to at most 40 bytes of UTF-8, as the index does.
  function cut(t) {
    if (encoder.encode(t).length <= 40) { return t; }
    var out = "", n = 0;
    for (var c of t) {
      n += encoder.encode(c).length;
      if (n > 40) { break; }
      out += c;
    }
    return out;
  }
  // emit adds the terms of a run of word characters: pairs of runes for
  // Han, Hiragana and Katakana, else the lower-cased word of two or more.
  function emit(run, paired, out) {
    var r = Array.from(run);
    if (!paired) {
      if (r.length >= 2) { out.push({ term: cut(run.toLowerCase()), paired: false }); }
      return;
    }
    if (r.length === 1) { out.push({ term: run, paired: true }); return; }
    for (var i = 0; i + 1 < r.length; i++) { out.push({ term: r[i] + r[i + 1], paired: true }); }
  }
  function tokens(text) {
    var out = [];
    (text.match(WORD) || []).forEach(function (w) {
      var run = "", paired = null;
      for (var c of w) {
        var p = PAIRED.test(c);
        if (paired !== null && p !== paired) { emit(run, paired, out); run = ""; }
        run += c;
        paired = p;
      }
      emit(run, paired, out);
    });
    return out;
  }
  function key(t) {
    var r = Array.from(t);
    return PAIRED.test(r[0]) ? r[0] : r.slice(0, 3).join("");
  }
  function shardOf(t) {
    var b = encoder.encode(key(t)), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) { h = Math.imul(h ^ b[i], 0x01000193) >>> 0; }
    return h % nShards;
  }
  // stem strips an English ending, so that "listening" finds "listen",
  // "listens" and "listener" as a prefix.
  function stem(t) {
    if (t.length < 5 || /[^a-z]/.test(t)) { return t; }
    return t.replace(/(?:ies|ing|ed|ly|s)$/, "");
  }
  function load(url, cache, k) {
    if (!cache[k]) {
      cache[k] = fetch(url).then(function (r) {
        if (!r.ok) { throw new Error(url + ": " + r.status); }
        return r.json();
      });
    }
    return cache[k];
  }
  function shard(n) { return load(base + "s/" + n + ".json", shards, n); }
  function doc(id) { return load(base + "d/" + id + ".json", docs, id); }

  // match finds the posts of one query word: a dictionary of post to
  // [score, title hit], and the terms of the index it matched.
  function match(w, data) {
    var hits = {}, terms = [];
    var prefix = w.paired || Array.from(w.term).length >= 3 ? stem(w.term) : null;
    Object.keys(data).forEach(function (t) {
      var exact = t === w.term;
      if (!exact && !(prefix !== null && t.indexOf(prefix) === 0)) { return; }
      terms.push(t);
      var p = data[t], id = 0;
      for (var i = 0; i + 1 < p.length; i += 2) {
        id += p[i];
        var weight = p[i + 1] * (exact ? 2 : 1);
        var h = hits[id] || (hits[id] = [0, false]);
        h[0] = Math.max(h[0], weight);
        h[1] = h[1] || p[i + 1] >= 100;
      }
    });
    return { hits: hits, terms: terms };
  }

  // rank keeps the posts that have every word: more title hits first,
  // then the higher score, then the newer post.
  function rank(matches) {
    var first = matches[0].hits, out = [];
    Object.keys(first).forEach(function (id) {
      var score = 0, titles = 0;
      for (var i = 0; i < matches.length; i++) {
        var h = matches[i].hits[id];
        if (!h) { return; }
        score += h[0];
        if (h[1]) { titles++; }
      }
      out.push({ id: Number(id), score: score, titles: titles });
    });
    out.sort(function (a, b) { return b.titles - a.titles || b.score - a.score || a.id - b.id; });
    return out;
  }

  function escapeRE(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  // marker matches the terms a query found, at the start of a word.
  function marker(terms) {
    if (terms.length === 0) { return null; }
    terms = terms.slice().sort(function (a, b) { return b.length - a.length; });
    return new RegExp("(?<![\\p{L}\\p{N}])(?:" + terms.map(escapeRE).join("|") + ")|(?:" +
      terms.filter(function (t) { return PAIRED.test(t); }).map(escapeRE).concat(["(?!)"]).join("|") + ")", "giu");
  }
  // marked appends text to el with every match of re in a <mark>.
  function marked(el, text, re) {
    var last = 0, m;
    if (re) {
      re.lastIndex = 0;
      while ((m = re.exec(text)) !== null) {
        if (m[0] === "") { re.lastIndex++; continue; }
        el.appendChild(document.createTextNode(text.slice(last, m.index)));
        var mark = document.createElement("mark");
        mark.textContent = m[0];
        el.appendChild(mark);
        last = m.index + m[0].length;
      }
    }
    el.appendChild(document.createTextNode(text.slice(last)));
  }
  // snippet is about 200 characters of the post around its first match.
  function snippet(d, re) {
    var text = d.x || d.s || "";
    var at = -1;
    if (re) {
      re.lastIndex = 0;
      var m = re.exec(text);
      if (m) { at = m.index; }
    }
    if (at < 0) { return d.s || text.slice(0, 200); }
    var start = Math.max(0, at - 80);
    if (start > 0) { start = text.indexOf(" ", start) + 1 || start; }
    var end = Math.min(text.length, start + 220);
    if (end < text.length) { end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end; }
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }
  function item(d, re) {
    var li = document.createElement("li");
    li.className = "search-result";
    var h = document.createElement("h2");
    h.className = "search-result-title";
    var a = document.createElement("a");
    a.href = d.u;
    marked(a, d.t, re);
    h.appendChild(a);
    var date = document.createElement("p");
    date.className = "search-result-date";
    date.textContent = d.d;
    var p = document.createElement("p");
    p.className = "search-result-snippet";
    marked(p, snippet(d, re), re);
    li.appendChild(h);
    li.appendChild(date);
    li.appendChild(p);
    return li;
  }

  // query finds the posts of q: the ids ranked, and the marker of the
  // terms it matched; null when q has no words.
  function query(q) {
    var words = tokens(q);
    if (words.length === 0) { return Promise.resolve(null); }
    return Promise.all(words.map(function (w) { return shard(shardOf(w.term)); })).then(function (data) {
      var matches = words.map(function (w, i) { return match(w, data[i]); });
      return { results: rank(matches), re: marker([].concat.apply([], matches.map(function (m) { return m.terms; }))) };
    });
  }

  // setupPage runs the search page: its box, its results, page by page.
  function setupPage(form) {
    var input = form.querySelector("input[name=q]");
    var status = document.querySelector("[data-search-status]");
    var list = document.querySelector("[data-search-results]");
    var more = document.querySelector("[data-search-more]");
    var PAGE = 10, run = 0, shown = 0, results = [];
    function say(text) { status.textContent = text; }
    function showMore(n, re) {
      var page = results.slice(shown, shown + PAGE);
      shown += page.length;
      more.hidden = shown >= results.length;
      return Promise.all(page.map(function (r) { return doc(r.id); })).then(function (ds) {
        if (n !== run) { return; }
        ds.forEach(function (d) { list.appendChild(item(d, re)); });
      });
    }
    function search(q) {
      var n = ++run;
      list.textContent = "";
      more.hidden = true;
      shown = 0;
      results = [];
      if (tokens(q).length === 0) { say(""); return Promise.resolve(); }
      say("Searching…");
      return query(q).then(function (found) {
        if (n !== run) { return; }
        results = found.results;
        var noun = results.length === 1 ? " post" : " posts";
        say(results.length === 0 ? "No posts found for “" + q + "”." : results.length + noun + " found for “" + q + "”.");
        more.onclick = function () { showMore(n, found.re); };
        return showMore(n, found.re);
      }).catch(function () {
        if (n === run) { say("Search is not available right now; browse the archives instead."); }
      });
    }
    var timer = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        var url = new URL(location.href);
        if (q) { url.searchParams.set("q", q); } else { url.searchParams.delete("q"); }
        history.replaceState(null, "", url);
        search(q);
      }, 150);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      search(input.value.trim());
    });
    var initial = new URLSearchParams(location.search).get("q");
    if (initial) {
      input.value = initial;
      search(initial.trim());
    }
  }

  // setupLive shows, under the header's box (an ARIA combobox), the first
  // posts found as the reader types, and a last option that opens the
  // search page. Arrow keys move through them, Enter opens the one
  // chosen (or, with none, submits the form to the search page), Escape
  // closes the list and then empties the box.
  function setupLive(form) {
    var input = form.querySelector("input[name=q]");
    var pop = form.querySelector("[data-search-pop]");
    var list = form.querySelector("[role=listbox]");
    var TOP = 5, run = 0, timer = 0, active = -1, options = [];
    function open(on) {
      pop.hidden = !on;
      input.setAttribute("aria-expanded", String(on));
      if (!on) { choose(-1); }
    }
    function choose(i) {
      active = i;
      options.forEach(function (o, k) { o.el.setAttribute("aria-selected", String(k === i)); });
      if (i < 0) { input.removeAttribute("aria-activedescendant"); return; }
      input.setAttribute("aria-activedescendant", options[i].el.id);
      options[i].el.scrollIntoView({ block: "nearest" });
    }
    function option(url, build) {
      var li = document.createElement("li");
      li.id = list.id + "-" + options.length;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      build(li);
      var o = { el: li, url: url };
      li.addEventListener("mousedown", function (e) { e.preventDefault(); });
      li.addEventListener("click", function () { go(o.url); });
      options.push(o);
      list.appendChild(li);
    }
    function show(q, ds, total, re) {
      list.textContent = "";
      options = [];
      ds.forEach(function (d) {
        option(d.u, function (li) {
          var t = document.createElement("span");
          t.className = "live-title";
          marked(t, d.t, re);
          var date = document.createElement("span");
          date.className = "live-date";
          date.textContent = d.d;
          li.appendChild(t);
          li.appendChild(date);
        });
      });
      option(null, function (li) {
        li.className = "live-all";
        li.textContent = total === 0 ? "No posts found; open the search page" : "See all " + total + " results for “" + q + "”";
      });
      choose(-1);
      open(true);
    }
    function update() {
      var q = input.value.trim(), n = ++run;
      if (tokens(q).length === 0) { open(false); return; }
      query(q).then(function (found) {
        var top = found.results.slice(0, TOP);
        return Promise.all(top.map(function (r) { return doc(r.id); })).then(function (ds) {
          if (n === run && document.activeElement === input) { show(q, ds, found.results.length, found.re); }
        });
      }).catch(function () { if (n === run) { open(false); } });
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 200);
    });
    input.addEventListener("keydown", function (e) {
      var n = options.length;
      switch (e.key) {
        case "ArrowDown":
        case "ArrowUp":
          if (pop.hidden) { if (n) { open(true); } return; }
          e.preventDefault();
          choose(e.key === "ArrowDown" ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1));
          return;
        case "Enter":
          if (!pop.hidden && active >= 0) { e.preventDefault(); go(options[active].url); }
          return;
        case "Escape":
          if (!pop.hidden) { e.preventDefault(); open(false); } else if (input.value) { e.preventDefault(); input.value = ""; }
          return;
      }
    });
    // go opens url once (a second navigation would cancel the first); no
    // url is the search page, for what the box holds.
    var going = false;
    function go(url) {
      if (going) { return; }
      going = true;
      location.href = url || form.action + "?q=" + encodeURIComponent(input.value.trim());
    }
    form.addEventListener("submit", function (e) {
      if (going) { e.preventDefault(); }
    });
    form.addEventListener("focusout", function (e) {
      if (!form.contains(e.relatedTarget)) { open(false); }
    });
    if (document.activeElement === input && input.value.trim()) { update(); }
  }

  var page = document.querySelector("[data-search]");
  if (page) { setupPage(page); }
  Array.prototype.forEach.call(document.querySelectorAll("[data-search-live]"), setupLive);
  window.blogenSearch = { tokens: function (s) { return tokens(s).map(function (w) { return w.term; }); }, shardOf: shardOf, query: query };
})();
