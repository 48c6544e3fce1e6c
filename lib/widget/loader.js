// The ПОС widget loader, served at /widget/script.min.js. No framework, no build step: plain
// ES2015 for any site. Two codes use it (docs/decisions/008-widget.md):
// - today's four-part code: Widget(formUrl, lkoId) binds the next banner markup pasted on the page,
//   now or when it appears later (an SPA renders it after the call);
// - the code without inline script or style: any element with data-opa-id (the loader's own tag, or
//   a <div> a CMS or a framework renders) gets a banner built with DOM calls and styled through the
//   CSSOM, so a site whose CSP allows only the portal's origin works.
// A MutationObserver mounts what appears later, each element once. Every banner asks the portal
// whether this cabinet accepts messages on this site (one request per ЛКО and design per page) and
// is shown only then, at most two a page; the button opens the message form in an accessible dialog.
// Full-line comments and indentation are stripped when served; keep every statement on its own line.
// Over 80 lines on purpose: the loader is one closure, so that none of its names leaks into the host site's globals.
(function (w, d) {
  "use strict";
  if (w.Widget) return;
  var READY = "pos-ready";
  var WRAPPER = "js-show-iframe-wrapper";
  var BOUND = "data-pos-bound";
  var MAX_BANNERS = 2;
  var me = d.currentScript || d.querySelector("script[src*='/widget/script.min.js']");
  // The portal this loader came from: the code without inline script names no form address.
  var home = me ? me.src.replace(/\/widget\/script\.min\.js.*$/, "") : "";
  var waiting = [];
  var asked = {};
  var styled = {};
  var told = {};

  function say(key, text) {
    if (told[key] || !w.console) return;
    told[key] = 1;
    console.warn("ПОС: " + text + " Подробнее: " + home + "/widget-guide");
  }

  function nextWrapper() {
    return d.querySelector("[id='" + WRAPPER + "']:not([" + BOUND + "])");
  }

  // The banner tree from the portal: [tag, attributes, ...children], strings are text.
  function build(node, svg) {
    if (typeof node == "string") return d.createTextNode(node);
    svg = svg || node[0] == "svg";
    var el = svg ? d.createElementNS("http://www.w3.org/2000/svg", node[0]) : d.createElement(node[0]);
    for (var name in node[1]) el.setAttribute(name, node[1][name]);
    for (var i = 2; i < node.length; i++) el.appendChild(build(node[i], svg));
    return el;
  }

  // Constructable stylesheets are CSSOM: a site's CSP does not restrict them, unlike a <style> element.
  function addStyle(css, key) {
    if (!css || styled[key]) return;
    styled[key] = 1;
    try {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      d.adoptedStyleSheets = [].slice.call(d.adoptedStyleSheets).concat(sheet);
      // ES2015 has no catch without a binding.
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
    } catch (e) {
      var el = d.createElement("style");
      el.textContent = css;
      d.head.appendChild(el);
    }
  }

  function openForm(src, origin, opener) {
    var root = d.documentElement;
    var overflow = root.style.overflow;
    var back = d.createElement("div");
    var box = d.createElement("div");
    var frame = d.createElement("iframe");
    var close = d.createElement("button");
    // Focus cannot be held inside another origin's frame, so two guards around the dialog send it back in.
    function guard(last) {
      var g = d.createElement("span");
      g.tabIndex = 0;
      g.onfocus = function () {
        if (last) close.focus();
        else into(1);
      };
      return g;
    }
    // The form focuses its own first (or last) field: the page cannot reach into the frame.
    function into(last) {
      frame.focus();
      frame.contentWindow.postMessage({ posWidget: "focus", last: !!last }, origin);
    }
    function done() {
      if (back.parentNode) back.parentNode.removeChild(back);
      d.removeEventListener("keydown", onKey);
      w.removeEventListener("message", onMessage);
      root.style.overflow = overflow;
      if (opener.focus) opener.focus();
    }
    function onKey(e) {
      if (e.key == "Escape") done();
    }
    // The form asks to close (its «Закрыть», or Esc pressed inside it).
    function onMessage(e) {
      if (e.origin == origin && e.source == frame.contentWindow && e.data && e.data.posWidget == "close") done();
    }
    back.className = "pos-dialog";
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-label", "Сообщение в Платформу обратной связи");
    box.tabIndex = -1;
    close.type = "button";
    close.setAttribute("aria-label", "Закрыть");
    close.textContent = "×";
    frame.title = "Форма сообщения — Платформа обратной связи";
    frame.onload = function () {
      into(0);
    };
    frame.src = src;
    close.onclick = done;
    back.onclick = function (e) {
      if (e.target == back) done();
    };
    d.addEventListener("keydown", onKey);
    w.addEventListener("message", onMessage);
    box.appendChild(close);
    box.appendChild(frame);
    back.appendChild(guard(0));
    back.appendChild(box);
    back.appendChild(guard(1));
    root.style.overflow = "hidden";
    d.body.appendChild(back);
    box.focus();
  }

  // Binds one banner. `place` is the element with data-opa-id (the banner is built from the portal's
  // answer) or null (the four-part code: markup and style are already on the page).
  function bind(wrapper, root, id, place) {
    wrapper.setAttribute(BOUND, "1");
    var design = place ? "&v=" + encodeURIComponent(place.getAttribute("data-variant") || "") : "";
    var url = root + "/widget/seen?opaId=" + encodeURIComponent(id) + design;
    if (!asked[url]) {
      asked[url] = fetch(url, { method: "POST" }).then(function (r) {
        return r.ok ? r.json() : {};
      });
    }
    asked[url].then(function (state) {
      if (!state.show) return;
      if (d.querySelectorAll("[id='" + WRAPPER + "']." + READY).length >= MAX_BANNERS) return say("max", "больше двух баннеров на странице, показаны два.");
      if (place && !place.parentNode) return;
      // The dialog's style, and the banner's for a banner built here.
      addStyle(state.css, url);
      if (place) {
        wrapper.appendChild(build(state.banner));
        var texts = { text: ".pos-banner__text", small: ".pos-banner__small", button: ".pos-banner-btn_2" };
        for (var k in texts) {
          var value = place.getAttribute("data-" + k);
          if (value) wrapper.querySelector(texts[k]).textContent = value;
        }
        // The loader's own tag: the banner goes where it stands (at the end of the page if that is <head>).
        if (place.tagName != "SCRIPT") place.appendChild(wrapper);
        else if (place.parentNode == d.head) d.body.appendChild(wrapper);
        else place.parentNode.insertBefore(wrapper, place);
      }
      wrapper.className += (wrapper.className ? " " : "") + READY;
      var buttons = wrapper.querySelectorAll(".pos-banner-btn_2");
      for (var i = 0; i < buttons.length; i++) {
        buttons[i].addEventListener("click", function (e) {
          openForm(root + "/form?opaId=" + encodeURIComponent(id), new URL(root, location.href).origin, e.currentTarget);
        });
      }
    }).catch(function () {});
  }

  // Mounts every banner not mounted yet; returns how many.
  function mount(scope) {
    var n = 0;
    var places = (scope || d).querySelectorAll("[data-opa-id]");
    for (var i = 0; i < places.length; i++) {
      if (places[i].getAttribute(BOUND)) continue;
      places[i].setAttribute(BOUND, "1");
      var wrapper = d.createElement("div");
      wrapper.id = WRAPPER;
      bind(wrapper, home, places[i].getAttribute("data-opa-id"), places[i]);
      n++;
    }
    var wrapperFound;
    while (waiting.length && (wrapperFound = nextWrapper())) {
      var call = waiting.shift();
      bind(wrapperFound, call[0], call[1], null);
      n++;
    }
    return n;
  }

  w.Widget = function (formUrl, id) {
    var root = String(formUrl).replace(/\/form\/?$/, "");
    var wrapper = nextWrapper();
    if (wrapper) return bind(wrapper, root, id, null);
    for (var i = 0; i < waiting.length; i++) {
      if (waiting[i][0] == root && waiting[i][1] == id) return;
    }
    waiting.push([root, id]);
    say("none", "Widget(…, " + id + "): на странице нет разметки баннера #" + WRAPPER + ", баннер появится, когда она будет добавлена.");
  };
  // The documented call for pages that add banner places themselves (React, Vue, innerHTML).
  w.Widget.mount = function (scope) {
    var n = mount(scope);
    if (!(scope || d).querySelector("[data-opa-id]")) say("mount", "Widget.mount(): на странице нет элементов с data-opa-id.");
    return n;
  };
  mount();
  if (w.MutationObserver) {
    new MutationObserver(function () {
      mount();
    }).observe(d.documentElement, { childList: true, subtree: true });
  }
})(window, document);
