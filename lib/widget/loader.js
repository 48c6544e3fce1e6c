// The ПОС widget loader, served at /widget/script.min.js. No framework, no build step: plain
// ES2015 for any site. Widget(formUrl, lkoId) binds the banner markup pasted before the call,
// asks the portal whether this cabinet accepts messages on this site (which also reports the
// placement), shows the banner only then, and opens the message form in a dialog with an iframe.
// Full-line comments and indentation are stripped when served; keep every statement on its own line.
// Over 80 lines on purpose: the loader is one closure, so that none of its names leaks into the host site's globals.
(function (w, d) {
  "use strict";
  if (w.Widget) return;
  var OPEN_CLASS = "pos-ready";

  function base(formUrl) {
    return String(formUrl).replace(/\/form\/?$/, "");
  }

  function nextWrapper() {
    var all = d.querySelectorAll("[id='js-show-iframe-wrapper']");
    for (var i = 0; i < all.length; i++) {
      if (!all[i].getAttribute("data-pos-bound")) return all[i];
    }
    return null;
  }

  function openForm(src, origin, opener) {
    var overlay = d.createElement("div");
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-label", "Сообщение в Платформу обратной связи");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(11,31,51,.6);display:flex;align-items:center;justify-content:center;padding:16px";
    var box = d.createElement("div");
    box.style.cssText = "position:relative;width:100%;max-width:720px;height:90vh;background:#fff;border-radius:12px;overflow:hidden";
    var frame = d.createElement("iframe");
    frame.src = src;
    frame.title = "Форма сообщения — Платформа обратной связи";
    frame.style.cssText = "display:block;width:100%;height:100%;border:0";
    var close = d.createElement("button");
    close.type = "button";
    close.setAttribute("aria-label", "Закрыть");
    close.textContent = "×";
    close.style.cssText = "position:absolute;top:8px;right:8px;width:40px;height:40px;border:0;border-radius:20px;background:#e8efff;color:#0b1f33;font:700 24px/40px Arial,sans-serif;cursor:pointer";
    function done() {
      if (overlay.parentNode) overlay.parentNode.removeChild(overlay);
      d.removeEventListener("keydown", onKey);
      w.removeEventListener("message", onMessage);
      if (opener && opener.focus) opener.focus();
    }
    function onKey(e) {
      if (e.key === "Escape") done();
    }
    function onMessage(e) {
      if (e.origin === origin && e.data && e.data.posWidget === "close") done();
    }
    close.onclick = done;
    overlay.onclick = function (e) {
      if (e.target === overlay) done();
    };
    d.addEventListener("keydown", onKey);
    w.addEventListener("message", onMessage);
    box.appendChild(frame);
    box.appendChild(close);
    overlay.appendChild(box);
    d.body.appendChild(overlay);
    close.focus();
  }

  w.Widget = function (formUrl, lkoId) {
    var wrapper = nextWrapper();
    if (!wrapper) return;
    wrapper.setAttribute("data-pos-bound", "1");
    var root = base(formUrl);
    var origin = root.replace(/^(https?:\/\/[^/]+).*$/, "$1");
    var src = root + "/form?opaId=" + encodeURIComponent(lkoId);
    if (!w.fetch) return;
    w.fetch(root + "/widget/seen?opaId=" + encodeURIComponent(lkoId), { method: "POST", mode: "cors", credentials: "omit", cache: "no-store" })
      .then(function (r) {
        return r.ok ? r.json() : { show: false };
      })
      .then(function (state) {
        if (!state || state.show !== true) return;
        wrapper.className += (wrapper.className ? " " : "") + OPEN_CLASS;
        var buttons = wrapper.querySelectorAll(".pos-banner-btn_2");
        for (var i = 0; i < buttons.length; i++) {
          buttons[i].addEventListener("click", function (e) {
            openForm(src, origin, e.currentTarget);
          });
        }
      })
      .catch(function () {});
  };
})(window, document);
