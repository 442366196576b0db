// blogen serve: live reload. The preview server adds this script to every
// page; blogen build never does. See package livereload for the events.
(function () {
  "use strict";
  var me = document.currentScript;
  var version = me ? me.getAttribute("data-version") || "" : "";
  var page = location.pathname;
  var source = null;
  // state tells tests and tools whether the page listens for changes, and
  // how many times it was brought up to date in place.
  var state = window.blogenLiveReload = { connected: false, updates: 0 };
  // served is the page as the server sent it, before any script changed
  // it: this script runs before the theme's deferred scripts. A new
  // version of the page is compared with it to find what changed.
  var served = document.documentElement.cloneNode(true);
  var updating = false, again = false;

  function connect() {
    source = new EventSource("/_blogen/events?page=" + encodeURIComponent(page) + "&v=" + encodeURIComponent(version));
    source.addEventListener("hello", function (e) {
      if (JSON.parse(e.data).version !== version) { location.reload(); return; }
      state.connected = true;
    });
    source.addEventListener("reload", function (e) {
      var d = JSON.parse(e.data);
      version = d.version;
      update(d.html);
    });
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

  // update brings the page up to date in place: it fetches the page and
  // changes only the nodes that differ from the version served before,
  // which keeps the scroll position and whatever the reader typed. It
  // loads the page anew when that cannot be done faithfully: the page is
  // gone or moved, its stylesheets or scripts changed, or the change
  // touches an element a script has enhanced (data-enhanced) or changed.
  // html, when the server sent it with the event, is the new page.
  function update(html) {
    if (updating) { again = true; return; }
    updating = true;
    var newPage = typeof html === "string" ? Promise.resolve(html) : fetch(location.href, { cache: "no-store", credentials: "same-origin" }).then(function (res) {
      if (!res.ok || res.redirected || (res.headers.get("Content-Type") || "").indexOf("text/html") !== 0) {
        throw new Error("not an update in place");
      }
      return res.text();
    });
    newPage.then(function (text) {
      var next = new DOMParser().parseFromString(text, "text/html").documentElement;
      if (assets(served) !== assets(next)) { throw new Error("other stylesheets or scripts"); }
      patch(document.documentElement, served, next);
      served = next;
      state.updates++;
      updating = false;
      if (again) { again = false; update(); }
    }).catch(function () { location.reload(); });
  }

  // assets lists the stylesheets and scripts of a page, apart from this
  // script; a page whose list changes is loaded anew.
  function assets(root) {
    var out = [];
    Array.prototype.forEach.call(root.querySelectorAll('link[rel~="stylesheet"], script'), function (el) {
      if (el.tagName === "SCRIPT" && el.getAttribute("src") === me.getAttribute("src")) { return; }
      if (el.tagName === "SCRIPT" && /json/.test(el.type)) { return; }
      out.push(el.tagName + " " + (el.getAttribute("href") || el.getAttribute("src") || el.textContent));
    });
    return out.join("\n");
  }

  // patch makes the live node match next, where old is what the live node
  // was when served. Subtrees equal in old and next are left alone, with
  // whatever scripts did to them.
  function patch(live, old, next) {
    if (old.isEqualNode(next)) { return; }
    if (live.nodeType !== 1) { live.nodeValue = next.nodeValue; return; }
    if (live.hasAttribute("data-enhanced")) { throw new Error("an enhanced element changed"); }
    patchAttributes(live, old, next);
    var lives = kids(live), olds = kids(old), nexts = kids(next);
    if (lives.length !== olds.length) { throw new Error("a script changed the page"); }
    for (var i = 0; i < nexts.length; i++) {
      if (i >= olds.length) {
        live.appendChild(document.importNode(nexts[i], true));
      } else if (olds[i].nodeType === nexts[i].nodeType && olds[i].nodeName === nexts[i].nodeName) {
        patch(lives[i], olds[i], nexts[i]);
      } else {
        live.replaceChild(document.importNode(nexts[i], true), lives[i]);
      }
    }
    for (var j = nexts.length; j < olds.length; j++) { live.removeChild(lives[j]); }
  }

  // kids lists a node's child nodes, leaving out the problem overlay.
  function kids(node) {
    return Array.prototype.filter.call(node.childNodes, function (n) { return n.id !== "blogen-overlay"; });
  }

  // patchAttributes applies to live the attribute changes from old to
  // next, keeping the attributes scripts added.
  function patchAttributes(live, old, next) {
    Array.prototype.forEach.call(next.attributes, function (a) {
      if (old.getAttribute(a.name) !== a.value) { live.setAttribute(a.name, a.value); }
    });
    Array.prototype.forEach.call(old.attributes, function (a) {
      if (!next.hasAttribute(a.name)) { live.removeAttribute(a.name); }
    });
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
