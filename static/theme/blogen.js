// blogen theme script: the featured-post carousel and the comment form.
// Everything works without it: the carousel is a scrollable row and the
// form posts as a plain HTML form.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function setupCarousel(root) {
    var track = root.querySelector("[data-carousel-track]");
    var slides = Array.prototype.slice.call(root.querySelectorAll("[data-slide]"));
    var prev = root.querySelector("[data-carousel-prev]");
    var next = root.querySelector("[data-carousel-next]");
    var status = root.querySelector("[data-carousel-status]");
    if (!track || slides.length === 0) { return; }

    function current() {
      var left = track.scrollLeft, best = 0, bestDist = Infinity;
      slides.forEach(function (s, i) {
        var d = Math.abs(s.offsetLeft - track.offsetLeft - left);
        if (d < bestDist) { bestDist = d; best = i; }
      });
      return best;
    }
    function atEnd() { return track.scrollLeft + track.clientWidth >= track.scrollWidth - 2; }
    function update() {
      var i = current();
      prev.setAttribute("aria-disabled", String(i === 0));
      next.setAttribute("aria-disabled", String(atEnd()));
      root.setAttribute("data-current", String(i + 1));
    }
    function go(i, announce) {
      i = Math.max(0, Math.min(slides.length - 1, i));
      track.scrollTo({ left: slides[i].offsetLeft - track.offsetLeft, behavior: reduceMotion ? "auto" : "smooth" });
      root.setAttribute("data-current", String(i + 1));
      if (announce && status) {
        status.textContent = "Slide " + (i + 1) + " of " + slides.length + ": " + (slides[i].querySelector("h3") || {}).textContent;
      }
    }
    prev.addEventListener("click", function () { go(current() - 1, true); });
    next.addEventListener("click", function () { if (!atEnd()) { go(current() + 1, true); } });
    root.addEventListener("keydown", function (e) {
      if (e.target.closest && e.target.closest("input, textarea, select")) { return; }
      if (e.key === "ArrowLeft") { go(current() - 1, true); e.preventDefault(); }
      if (e.key === "ArrowRight") { go(current() + 1, true); e.preventDefault(); }
      if (e.key === "Home") { go(0, true); e.preventDefault(); }
      if (e.key === "End") { go(slides.length - 1, true); e.preventDefault(); }
    });
    var pending = false;
    track.addEventListener("scroll", function () {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () { pending = false; update(); });
    }, { passive: true });
    update();
  }

  function setupCommentForm(form) {
    var status = form.querySelector("[data-comment-status]");
    form.addEventListener("submit", function (e) {
      if (!window.fetch || !form.action) { return; }
      e.preventDefault();
      status.textContent = "Sending…";
      fetch(form.action, { method: "POST", body: new FormData(form), headers: { "Accept": "application/json" } })
        .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
        .then(function (res) {
          status.textContent = res.body && res.body.message ? res.body.message :
            (res.ok ? "Thank you. Your comment is awaiting moderation." : "Your comment could not be sent.");
          if (res.ok) { form.reset(); }
        })
        .catch(function () { form.submit(); });
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-carousel]"), setupCarousel);
    Array.prototype.forEach.call(document.querySelectorAll("[data-comment-form]"), setupCommentForm);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
