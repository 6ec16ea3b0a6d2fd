// The query page (graph/serve/page.py): YASGUI pointed at this endpoint, one tab per library query.
//
// Nothing here asks another host: the endpoint is this page's own origin, the prefix completer uses
// the prefixes bundled in YASGUI (no prefix.cc), the LOV class/property completers are off, there is
// no CORS proxy, no endpoint catalogue beyond this endpoint, no persistence or shared links; the
// page's Content-Security-Policy (connect-src 'self') would stop anything else.
// When a query runs, the values of its "# param:" header lines are sent as param.NAME arguments,
// which the endpoint binds as `tradegraph query --param` does (graph/serve/bindings.py).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("tg-query-page").textContent);
  var endpoint = new URL(data.endpoint, window.location.href).href;
  // the header grammar of graph/query/library.py: "# param: NAME [(TYPE)] [= VALUE] — DESCRIPTION"
  var PARAM = /^#\s?param:\s?([A-Za-z_][A-Za-z0-9_]*)\s*(?:\([a-z]+\))?\s*(?:=\s*("(?:[^"\\]|\\.)*"|<[^>\s]*>|[^\s—]+))?/;

  /** The param.NAME arguments of a query's header: the value after "=" of each "# param:" line. */
  function paramArgs(text) {
    var args = [];
    var lines = text.split("\n");
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (line.charAt(0) !== "#") {
        if (line.trim()) break;  // the header ends at the first line of SPARQL
        continue;
      }
      var m = PARAM.exec(line);
      if (!m) continue;
      var value = m[2] === undefined ? "" : m[2];
      if (value.charAt(0) === '"') value = JSON.parse(value);
      args.push({ name: "param." + m[1], value: value });
    }
    return args;
  }

  var Yasgui = window.Yasgui;
  // only completers that ask no one: variables, and prefixes from YASGUI's bundled list
  Yasgui.Yasqe.defaults.autocompleters = ["variables", "prefixes"];
  Yasgui.defaults.yasqe.autocompleters = ["variables", "prefixes"];
  Yasgui.Yasqe.defaults.prefixCcApi = null;
  Yasgui.defaults.yasqe.prefixCcApi = null;
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    corsProxy: undefined,
    persistenceId: null,
    populateFromUrl: false,
    autoAddOnInit: false,
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: {
      getData: function () { return [{ endpoint: endpoint }]; },
      keys: [],
      renderItem: function (item, source) {
        var div = document.createElement("div");
        div.textContent = endpoint;
        source.appendChild(div);
      },
    },
    yasr: { defaultPlugin: "table", persistenceId: null },
  });
  yasgui.on("queryBefore", function (instance, tab) {
    tab.setRequestConfig({ args: paramArgs(tab.getYasqe().getValue()) });
  });
  data.tabs.forEach(function (query, i) {
    yasgui.addTab(i === 0, {
      name: query.title,
      yasqe: { value: query.query },
      requestConfig: { endpoint: endpoint, method: "POST" },
    });
  });
  window.tgQueryPage = { yasgui: yasgui, tabs: data.tabs, paramArgs: paramArgs };
  document.body.setAttribute("data-state", "ready");
})();
