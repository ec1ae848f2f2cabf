// The self-check page's language, chosen before anything is painted.
//
// index.html (the page in the questionnaire's default language) includes this
// classic script in <head>, after its <link rel="alternate" hreflang> elements:
// it runs before the body is parsed, so a browser that prefers another language
// the page exists in goes to that page (index.<lang>.html, prerendered by
// `cargo xtask build`) before the first paint. The choice is the widget's own
// (src/i18n.rs `negotiate`): the first of navigator.languages that a page has,
// matching the whole tag, else its primary subtag (uk-UA → uk). A language the
// person chose on a page (the links at its foot, the language picker) leads to
// that page, which has no such script: it is never overridden.
//
// location.replace: Back leads to where the person came from, not to this page
// again. Nothing is read from the URL, stored or sent. Only a link's file name
// is followed, next to this page: a build for a public address
// (`--public-url`, absolute hreflang links) never leaves the page's own folder.
(function () {
  function pageNextToThis(link) {
    return new URL(new URL(link.href).pathname.split("/").pop(), location.href).href;
  }
  var here = document.documentElement.lang;
  var pages = [];
  var links = document.querySelectorAll('link[rel="alternate"][hreflang]');
  for (var i = 0; i < links.length; i++) {
    var lang = links[i].hreflang;
    if (lang && lang !== "x-default") pages.push({ lang: lang.toLowerCase(), href: pageNextToThis(links[i]) });
  }
  var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  function primary(tag) {
    return tag.split(/[-_]/)[0];
  }
  for (var w = 0; w < wanted.length; w++) {
    var tag = String(wanted[w]).toLowerCase();
    var hit = null;
    for (var e = 0; e < pages.length && !hit; e++) if (pages[e].lang === tag) hit = pages[e];
    for (var p = 0; p < pages.length && !hit; p++) if (primary(pages[p].lang) === primary(tag)) hit = pages[p];
    if (hit) {
      if (hit.lang !== here.toLowerCase()) location.replace(hit.href);
      return;
    }
  }
})();
