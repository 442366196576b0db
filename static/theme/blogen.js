// blogen theme script: the featured-post carousel, the comment form and
// video embeds.
// Everything works without it: the carousel is a row that scrolls sideways,
// the form posts as a plain HTML form, and a video is a link to it on its
// site. Nothing here changes the size or place of anything on the page, so
// it causes no layout shift.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // scrollBehavior is "auto" (an instant jump) for readers who ask for
  // reduced motion, asked each time so that a change of the setting counts.
  function scrollBehavior() {
    var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    return reduce ? "auto" : "smooth";
  }

  // Every element set up here is marked data-enhanced: the preview
  // server's live reload loads the page anew, rather than updating it in
  // place, when such an element changes.
  function setupCarousel(root) {
    root.setAttribute("data-enhanced", "");
    var track = root.querySelector("[data-carousel-track]");
    var slides = Array.prototype.slice.call(root.querySelectorAll("[data-slide]"));
    var prev = root.querySelector("[data-carousel-prev]");
    var next = root.querySelector("[data-carousel-next]");
    var status = root.querySelector("[data-carousel-status]");
    var dots = Array.prototype.slice.call(root.querySelectorAll("[data-carousel-dot]"));
    if (!track || !prev || !next || slides.length === 0) { return; }

    // target is the slide the track is scrolling to, until it gets there.
    var target = null;
    // offset is where the track must scroll to for slide i to come first.
    function offset(i) {
      return slides[i].getBoundingClientRect().left - track.getBoundingClientRect().left + track.scrollLeft;
    }
    function maxScroll() { return track.scrollWidth - track.clientWidth; }
    // current is the slide nearest the start of the track.
    function current() {
      var best = 0, bestDist = Infinity;
      for (var i = 0; i < slides.length; i++) {
        var d = Math.abs(Math.min(offset(i), maxScroll()) - track.scrollLeft);
        if (d < bestDist) { bestDist = d; best = i; }
      }
      return best;
    }
    function atStart() { return track.scrollLeft <= 1; }
    function atEnd() { return track.scrollLeft >= maxScroll() - 1; }
    function update() {
      if (target !== null && Math.abs(track.scrollLeft - Math.min(offset(target), maxScroll())) < 2) { target = null; }
      if (maxScroll() <= 1) {
        root.setAttribute("data-static", "");
      } else {
        root.removeAttribute("data-static");
      }
      prev.setAttribute("aria-disabled", String(atStart()));
      next.setAttribute("aria-disabled", String(atEnd()));
      var at = shown();
      dots.forEach(function (d, i) {
        if (i === at) { d.setAttribute("aria-current", "true"); } else { d.removeAttribute("aria-current"); }
      });
    }
    // go scrolls slide i to the start of the track and says which it is.
    function go(i) {
      i = Math.max(0, Math.min(slides.length - 1, i));
      target = i;
      track.scrollTo({ left: Math.min(offset(i), maxScroll()), behavior: scrollBehavior() });
      if (status) {
        var title = slides[i].querySelector("h3");
        status.textContent = "Featured post " + (i + 1) + " of " + slides.length + (title ? ": " + title.textContent : "");
      }
      return i;
    }
    function shown() { return target === null ? current() : target; }
    prev.addEventListener("click", function () {
      if (!atStart()) { go(shown() - 1); }
    });
    next.addEventListener("click", function () {
      if (!atEnd()) { go(shown() + 1); }
    });
    dots.forEach(function (d, i) {
      d.addEventListener("click", function () { go(i); update(); });
    });
    // Arrow keys, Home and End move between slides. With the focus in a
    // slide, it follows to the first link of the slide shown, so it never
    // stays on a slide scrolled out of view; on a dot, to the slide's dot.
    root.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) { return; }
      var inSlide = e.target.closest ? e.target.closest("[data-slide]") : null;
      var from = inSlide ? slides.indexOf(inSlide) : shown(), to;
      switch (e.key) {
        case "ArrowLeft": to = from - 1; break;
        case "ArrowRight": to = from + 1; break;
        case "Home": to = 0; break;
        case "End": to = slides.length - 1; break;
        default: return;
      }
      e.preventDefault();
      to = go(to);
      if (inSlide) {
        var link = slides[to].querySelector("a");
        if (link) { link.focus({ preventScroll: true }); }
      } else if (dots.indexOf(e.target) >= 0) {
        dots[to].focus();
      }
      update();
    });
    track.addEventListener("scrollend", function () { target = null; });
    var pending = false;
    function schedule() {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () { pending = false; update(); });
    }
    track.addEventListener("scroll", schedule, { passive: true });
    if (window.ResizeObserver) {
      new ResizeObserver(schedule).observe(track);
    } else {
      window.addEventListener("resize", schedule);
    }
    update();
  }

  // The header's search box loads the search script the first time the
  // reader types in it (the search page has it already), which then lists
  // the posts found below the box.
  function setupLiveSearch(form) {
    var input = form.querySelector("input[name=q]");
    if (!input) { return; }
    form.setAttribute("data-enhanced", "");
    input.addEventListener("input", function load() {
      input.removeEventListener("input", load);
      if (window.blogenSearch || document.querySelector("script[data-search-loaded]")) { return; }
      var s = document.createElement("script");
      s.src = form.getAttribute("data-search-script");
      s.setAttribute("data-search-loaded", "");
      document.head.appendChild(s);
    });
  }

  // The comment form posts with fetch to the site's comment service,
  // which may be on another host. The draft is kept in localStorage until
  // the service has taken it, so neither a failed request nor a reload
  // loses it; the idempotency key stays with the draft, so a retry of a
  // comment the service took already is not taken twice.
  function setupCommentForm(form) {
    form.setAttribute("data-enhanced", "");
    var status = form.querySelector("[data-comment-status]");
    var reasons = form.querySelector("[data-comment-reasons]");
    var retry = form.querySelector("[data-comment-retry]");
    var preview = form.querySelector("[data-comment-preview]");
    var button = form.querySelector("button[type=submit]");
    var store = "blogen-comment:" + form.elements.post.value;
    var kept = ["name", "email", "website", "comment", "parent", "key"];
    var sending = false;

    function newKey() {
      var a = new Uint8Array(16);
      window.crypto.getRandomValues(a);
      return Array.prototype.map.call(a, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
    }
    function save() {
      var d = {};
      kept.forEach(function (n) { if (form.elements[n]) { d[n] = form.elements[n].value; } });
      try { window.localStorage.setItem(store, JSON.stringify(d)); } catch (e) { /* storage off */ }
    }
    function restore() {
      var d;
      try { d = JSON.parse(window.localStorage.getItem(store) || "null"); } catch (e) { d = null; }
      if (!d) { return; }
      kept.forEach(function (n) { if (form.elements[n] && typeof d[n] === "string") { form.elements[n].value = d[n]; } });
    }
    function forget() {
      try { window.localStorage.removeItem(store); } catch (e) { /* storage off */ }
    }
    function show(msg, list, canRetry) {
      status.textContent = msg;
      reasons.textContent = "";
      (list || []).forEach(function (r) {
        var li = document.createElement("li");
        li.textContent = r.message + " (" + r.rule + ")";
        reasons.appendChild(li);
      });
      reasons.hidden = !list || !list.length;
      retry.hidden = !canRetry;
    }

    form.elements.issued.value = String(Date.now());
    restore();
    if (!form.elements.key.value) { form.elements.key.value = newKey(); }
    form.addEventListener("input", save);
    retry.querySelector("button").addEventListener("click", function () { send(); });
    Array.prototype.forEach.call(document.querySelectorAll("[data-reply-to]"), function (a) {
      a.addEventListener("click", function (e) {
        if (!form.elements.parent) { return; }
        e.preventDefault();
        form.elements.parent.value = a.getAttribute("data-reply-to");
        save();
        form.elements.comment.focus();
      });
    });

    function send() {
      if (sending) { return; }
      sending = true;
      button.disabled = true;
      save();
      show("Sending…");
      var body = new URLSearchParams(new FormData(form));
      fetch(form.action, { method: "POST", body: body, headers: { "Accept": "application/json" }, credentials: "omit" })
        .then(function (r) {
          return r.json().catch(function () { return {}; }).then(function (b) { return { status: r.status, body: b || {} }; });
        })
        .then(function (res) {
          var b = res.body;
          if (res.status >= 200 && res.status < 300) {
            show(b.message || "Thank you. Your comment is awaiting moderation.");
            if (b.html) { preview.innerHTML = b.html; preview.hidden = false; }
            forget();
            form.elements.comment.value = "";
            form.elements.key.value = newKey();
            form.setAttribute("data-sent", b.id || "");
          } else if (res.status >= 500) {
            show((b.message || "The comment service is not answering.") + " Your text is kept here; try again in a moment.", null, true);
          } else {
            show(b.message || "Your comment could not be sent.", b.reasons, res.status === 429);
          }
        })
        .catch(function () {
          show("Your comment could not be sent: the comment service cannot be reached. Your text is kept here; try again in a moment.", null, true);
        })
        .then(function () { sending = false; button.disabled = false; });
    }
    form.addEventListener("submit", function (e) {
      if (!window.fetch || !window.URLSearchParams || !form.action) { return; }
      e.preventDefault();
      send();
    });
  }

  // A table or a code block wider than the post scrolls sideways;
  // focusable, it can be scrolled with the keyboard too.
  function setupWideTable(table) {
    table.setAttribute("data-enhanced", "");
    if (table.scrollWidth > table.clientWidth + 1 && !table.hasAttribute("tabindex")) {
      table.setAttribute("tabindex", "0");
    }
  }

  // Old URLs with a query string (WordPress's /?p=123) cannot be files of
  // a static site: they land on the home page or the 404 page, which carry
  // a map of them, and are sent on from here.
  function followQueryAlias() {
    var data = document.getElementById("blogen-query-aliases");
    if (!data || !window.location.search) { return; }
    var map;
    try { map = JSON.parse(data.textContent); } catch (e) { return; }
    var to = map[window.location.pathname + window.location.search];
    if (to) { window.location.replace(to); }
  }

  // The light/dark switch: pressed means dark. The choice is kept in
  // localStorage and set on <html> by the script in <head> of every page.
  function setupThemeToggle(button) {
    button.setAttribute("data-enhanced", "");
    var root = document.documentElement;
    function dark() {
      var chosen = root.getAttribute("data-theme");
      if (chosen) { return chosen === "dark"; }
      return !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
    }
    function show() { button.setAttribute("aria-pressed", String(dark())); }
    button.addEventListener("click", function () {
      var next = dark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem("blogen-theme", next); } catch (e) { /* private mode: this page only */ }
      show();
    });
    show();
  }

  // A video embed (package embed) is a link to the video on its site;
  // its data-embed holds the player's address in the provider's privacy
  // mode. "Play here" puts the player in the box the link sits in: nothing
  // is asked of the provider before the press, and only its two player
  // hosts are ever loaded.
  var playerHosts = /^https:\/\/(www\.youtube-nocookie\.com\/embed\/|player\.vimeo\.com\/video\/)/;
  function setupEmbed(fig) {
    var src = fig.getAttribute("data-embed");
    var link = fig.querySelector("a");
    if (!link || !playerHosts.test(src)) { return; }
    fig.setAttribute("data-enhanced", "");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "embed-play";
    button.textContent = "Play here";
    button.setAttribute("aria-label", "Play here: " + link.textContent);
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = src;
      frame.title = link.textContent;
      frame.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      fig.textContent = "";
      fig.appendChild(frame);
      frame.focus();
    });
    fig.appendChild(button);
  }

  function init() {
    followQueryAlias();
    Array.prototype.forEach.call(document.querySelectorAll("[data-theme-toggle]"), setupThemeToggle);
    Array.prototype.forEach.call(document.querySelectorAll(".post-body table, .post-body pre"), setupWideTable);
    Array.prototype.forEach.call(document.querySelectorAll("[data-carousel]"), setupCarousel);
    Array.prototype.forEach.call(document.querySelectorAll("[data-search-live]"), setupLiveSearch);
    Array.prototype.forEach.call(document.querySelectorAll("[data-comment-form]"), setupCommentForm);
    Array.prototype.forEach.call(document.querySelectorAll("figure.embed[data-embed]"), setupEmbed);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
