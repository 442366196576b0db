// blogen serve: live reload. The preview server adds this script to every
// page; blogen build never does. See package livereload for the events.
(function () {
  "use strict";
  var me = document.currentScript;
  var version = me ? me.getAttribute("data-version") || "" : "";
  var page = location.pathname;
  var source = null;
  // state tells tests and tools whether the page listens for changes.
  var state = window.blogenLiveReload = { connected: false };

  function connect() {
    source = new EventSource("/_blogen/events?page=" + encodeURIComponent(page) + "&v=" + encodeURIComponent(version));
    source.addEventListener("hello", function (e) {
      if (JSON.parse(e.data).version !== version) { location.reload(); return; }
      state.connected = true;
    });
    source.addEventListener("reload", function () { location.reload(); });
    source.addEventListener("version", function (e) { version = JSON.parse(e.data).version; });
    source.addEventListener("css", function (e) {
      var d = JSON.parse(e.data);
      swapStylesheets(d.paths || []);
      version = d.version;
    });
    source.addEventListener("error", function (e) {
      if (typeof e.data === "string") { showOverlay(JSON.parse(e.data).problems || []); return; }
      // A connection error: EventSource tries again by itself unless it
      // gave up (the server answered with an error while stopping).
      state.connected = false;
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(connect, 500);
      }
    });
    source.addEventListener("ok", hideOverlay);
  }

  // swapStylesheets loads the named stylesheets again under a new query,
  // removing each old one once its successor has loaded.
  function swapStylesheets(paths) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href, location.href);
      if (url.origin !== location.origin || !named(url.pathname, paths)) { return; }
      url.searchParams.set("blogen-reload", String(Date.now()));
      var next = link.cloneNode();
      next.href = url.href;
      next.onload = next.onerror = function () { link.remove(); };
      link.after(next);
    });
  }

  function named(pathname, paths) {
    for (var i = 0; i < paths.length; i++) {
      if (pathname === "/" + paths[i] || pathname.slice(-paths[i].length - 1) === "/" + paths[i]) { return true; }
    }
    return false;
  }

  function hideOverlay() {
    var old = document.getElementById("blogen-overlay");
    if (old) { old.remove(); }
  }

  // showOverlay lists the problems of a failed build over the page. Every
  // text goes in through textContent: messages quote the author's files.
  function showOverlay(problems) {
    hideOverlay();
    var box = document.createElement("div");
    box.id = "blogen-overlay";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;" +
      "background:rgba(24,24,27,.95);color:#fafafa;font:14px/1.5 ui-monospace,monospace;text-align:left";
    var title = document.createElement("p");
    title.style.cssText = "margin:0 0 1rem;font-size:1.25rem;font-weight:bold;color:#fca5a5";
    title.textContent = "The site does not build";
    box.appendChild(title);
    var list = document.createElement("ul");
    list.style.cssText = "margin:0 0 1rem;padding:0;list-style:none;white-space:pre-wrap";
    problems.forEach(function (p) {
      var item = document.createElement("li");
      item.className = "blogen-problem";
      var where = p.file ? p.file + (p.line ? ":" + p.line : "") + ": " : "";
      item.textContent = where + p.message;
      list.appendChild(item);
    });
    box.appendChild(list);
    var note = document.createElement("p");
    note.style.cssText = "margin:0;color:#a1a1aa";
    note.textContent = "The last good version of the site is still served. Fix the file and save: this message goes away by itself.";
    box.appendChild(note);
    document.body.appendChild(box);
  }

  connect();
})();
