// riskscreen frame embed: puts the widget on any page in a sandboxed iframe.
//
//   <script src="https://widget.example.org/embed.js"
//           data-questionnaire="self-check" data-lang="uk" data-country="PL"
//           integrity="sha384-…" crossorigin="anonymous"></script>
//
// A classic script (no module, no global): it inserts, right after itself (or
// into the element named by data-target), an iframe showing the widget's
// frame.html from the widget's own origin, and sizes it to its content. The host
// page needs no 'wasm-unsafe-eval'; its CSP needs only script-src and frame-src
// for the widget's origin. Host scripts cannot read the frame (another origin).
//
// data-* options: the vocabulary of options.js (questionnaire, helplines,
// helplines-add — names of files the widget origin serves —, lang, country,
// exit-url, theme-*), plus:
//   data-title         the iframe's accessible name (default "Check an offer privately");
//   data-target        the id of the element to put the frame in;
//   data-share-origin  the one origin allowed to receive the result (usually this
//                      page's); off when absent. The result arrives only after the
//                      person presses "Share the result", as a postMessage to that
//                      origin, and is re-dispatched here as a `riskscreen:complete`
//                      CustomEvent on the iframe (bubbling; detail = the summary).
//
// Messages from the frame are believed only from the frame itself and the widget's
// origin: a height (a number), "riskscreen:exit" (quick exit: this page is hidden
// at once and replaced by the exit URL, so leaving works even where the browser
// refuses the frame's own top-level navigation), and the shared result.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;

  var SANDBOX = [
    "allow-scripts", // the widget is a WebAssembly app
    "allow-forms", // each question is a <form> (Enter answers it); the widget handles the
    // submit event itself and never sends it anywhere (its CSP has form-action 'none')
    "allow-same-origin", // keeps the frame's own origin so its CSP 'self' and fetches work;
    // safe only because that origin differs from the host's (see README, "Embedding")
    "allow-top-navigation-by-user-activation", // the quick exit leaves the whole page, on a click or key press
    "allow-top-navigation-to-custom-protocols", // tel: links to the helplines
    "allow-modals", // "Print or save as PDF" on the result (window.print)
  ].join(" ");
  // Nothing powerful is delegated: the widget needs none of these.
  var ALLOW = "camera 'none'; microphone 'none'; geolocation 'none'; payment 'none'; usb 'none'";
  var OPTIONS = [
    "questionnaire", "helplines", "helplines-add", "lang", "country",
    "theme-accent", "theme-accent-text", "theme-background", "theme-text",
  ];
  var DEFAULT_EXIT_URL = "https://www.bbc.com/weather";

  // The exit URL made absolute against this page, so that the frame (another
  // origin) and this page leave for the same place. http(s) only: never
  // javascript: or data:. Nothing a URL parser drops or reinterprets either
  // (control characters, spaces, backslashes: "/\t/evil.example" would parse as
  // "//evil.example", another site), the same rule as the widget's.
  var exitUrl = DEFAULT_EXIT_URL;
  var askedText = script.getAttribute("data-exit-url");
  if (askedText && /^[^\x00-\x20\x7f\\]+$/.test(askedText)) {
    try {
      var asked = new URL(askedText, document.baseURI);
      if (asked.protocol === "https:" || asked.protocol === "http:") exitUrl = asked.href;
    } catch (e) {
      // Not a URL: the default stays.
    }
  } else if (askedText) {
    console.error("riskscreen: data-exit-url has spaces, control characters or backslashes; using " + exitUrl);
  }

  var widget = new URL(script.src, document.baseURI);
  var widgetOrigin = widget.origin;
  // allow-same-origin together with allow-scripts is safe only for a frame of
  // another origin: a frame of this page's own origin could reach in here and lift
  // its own sandbox. Served from this page's origin, the widget gets no origin of
  // its own (and may then fail to load): serve it from an origin of its own.
  var sandbox = SANDBOX;
  if (widgetOrigin === location.origin) {
    console.error(
      "riskscreen: embed.js refuses allow-same-origin: the widget is served from this page's own origin (" +
        widgetOrigin + "); serve it from an origin of its own (README, Embedding)"
    );
    sandbox = SANDBOX.split(" ").filter(function (t) { return t !== "allow-same-origin"; }).join(" ");
  }
  var frameUrl = new URL("frame.html", widget);
  OPTIONS.forEach(function (name) {
    var value = script.getAttribute("data-" + name);
    if (value) frameUrl.searchParams.set(name, value);
  });
  frameUrl.searchParams.set("exit-url", exitUrl);
  frameUrl.searchParams.set("embedder", location.origin);
  var shareOrigin = script.getAttribute("data-share-origin");
  if (shareOrigin) {
    frameUrl.searchParams.set("share-origin", shareOrigin);
    frameUrl.searchParams.set("share-result", "true");
  }

  var frame = document.createElement("iframe");
  frame.src = frameUrl.href;
  frame.title = script.getAttribute("data-title") || "Check an offer privately";
  frame.setAttribute("sandbox", sandbox);
  frame.setAttribute("allow", ALLOW);
  // The frame learns this page's origin (it checks a declared share-origin against
  // it where the browser has no location.ancestorOrigins), never its path.
  frame.setAttribute("referrerpolicy", "strict-origin");
  frame.className = "riskscreen-frame";
  // Through the CSSOM: allowed by a strict style-src (a style attribute is not).
  frame.style.display = "block";
  frame.style.width = "100%";
  frame.style.border = "0";
  frame.style.height = "36rem";

  var target = script.getAttribute("data-target");
  var parent = target && document.getElementById(target);
  if (parent) {
    parent.appendChild(frame);
  } else {
    script.after(frame);
  }

  window.addEventListener("message", function (event) {
    if (event.source !== frame.contentWindow || event.origin !== widgetOrigin) return;
    var data = event.data;
    if (data === "riskscreen:exit") {
      document.documentElement.style.visibility = "hidden";
      // The exit page must not learn which page the person left: a referrer
      // policy added now applies to the navigation that follows.
      var meta = document.createElement("meta");
      meta.name = "referrer";
      meta.content = "no-referrer";
      (document.head || document.documentElement).appendChild(meta);
      location.replace(exitUrl);
    } else if (data && data.type === "riskscreen:height" && typeof data.height === "number") {
      var height = Math.max(200, Math.min(Math.round(data.height), 20000));
      frame.style.height = height + "px";
    } else if (data && data.type === "riskscreen:complete" && shareOrigin === location.origin) {
      frame.dispatchEvent(new CustomEvent("riskscreen:complete", { bubbles: true, detail: data.result }));
    }
  });
})();
