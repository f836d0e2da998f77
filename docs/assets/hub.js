/* Peer Group Hub: small helpers shared by the hub's page scripts (loaded first). */
(function () {
  "use strict";

  /* Build an element; text is always set with textContent, never parsed as HTML. */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      if (key === "text") node.textContent = props[key];
      else node.setAttribute(key, props[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  /* Run `init` on every page view, including Material's instant navigation. */
  function onPage(init) {
    if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
      window.document$.subscribe(init);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", init);
    } else {
      init();
    }
  }

  window.peerHub = { el: el, onPage: onPage };
})();
