// Live reload for `briefgen serve`. The preview server injects this script
// into the HTML pages it serves; it is never part of the built site.
//
// Events from /_briefgen/events:
//   hello   data = server instance id; a different id than the page's means
//           the server restarted, so the page reloads.
//   reload  a new build is in place: reload the page.
//   css     only stylesheets changed: swap them in without a reload.
//   error   data = {"file","line","message"}: show the build error overlay.
(() => {
  "use strict";
  if (window.__briefgenReload) return;
  window.__briefgenReload = true;

  const tag = document.currentScript;
  const build = (tag && tag.dataset.build) || "";
  let server = (tag && tag.dataset.server) || "";
  const stale = new WeakSet(); // stylesheet links already being replaced

  // Keep in sync with overlayStyle and messageStyle in inject.go (tested).
  const OVERLAY_ID = "briefgen-error";
  const OVERLAY_STYLE = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;background:rgba(24,24,27,.94);color:#fafafa;text-align:left;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace";
  const MESSAGE_STYLE = "margin:1em 0 0;white-space:pre-wrap;font:inherit;color:#fca5a5";

  function connect() {
    // build lets the server send `reload` at once if a new build landed
    // between serving this page and connecting; reconnects use Last-Event-ID.
    const es = new EventSource("/_briefgen/events?build=" + encodeURIComponent(build));
    es.addEventListener("hello", (e) => {
      if (!server) server = e.data;
      else if (e.data !== server) location.reload();
    });
    es.addEventListener("reload", () => location.reload());
    es.addEventListener("css", () => {
      hideError();
      swapStylesheets();
    });
    es.addEventListener("error", (e) => {
      // A server-sent `error` event carries data; a connection error doesn't.
      if (typeof e.data === "string") {
        showError(JSON.parse(e.data));
        return;
      }
      // EventSource retries by itself after network errors, but gives up
      // for good after an HTTP error status (e.g. while shutting down).
      if (es.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
    });
  }

  // swapStylesheets re-fetches every same-origin stylesheet by inserting a
  // copy with a cache-busting query and removing the old link once the copy
  // has loaded, so the page never shows unstyled.
  function swapStylesheets() {
    const stamp = Date.now().toString(36);
    for (const old of document.querySelectorAll('link[rel~="stylesheet" i][href]')) {
      if (stale.has(old)) continue;
      const url = new URL(old.href, location.href);
      if (url.origin !== location.origin) continue;
      url.searchParams.set("briefgen", stamp);
      const next = old.cloneNode();
      next.href = url.href;
      const done = () => old.remove();
      next.addEventListener("load", done, { once: true });
      next.addEventListener("error", done, { once: true });
      stale.add(old);
      old.after(next);
    }
  }

  function showError(err) {
    hideError();
    const box = document.createElement("div");
    box.id = OVERLAY_ID;
    box.setAttribute("role", "alert");
    box.style.cssText = OVERLAY_STYLE;
    const title = document.createElement("strong");
    title.textContent = "Build failed";
    box.append(title);
    if (err.file) {
      const loc = document.createElement("div");
      loc.textContent = err.line > 0 ? err.file + ":" + err.line : err.file;
      box.append(loc);
    }
    const msg = document.createElement("pre");
    msg.style.cssText = MESSAGE_STYLE;
    msg.textContent = err.message || "";
    box.append(msg);
    (document.body || document.documentElement).append(box);
  }

  function hideError() {
    const box = document.getElementById(OVERLAY_ID);
    if (box) box.remove();
  }

  connect();
})();
