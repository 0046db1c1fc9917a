// ksymns' service worker: the site keeps working offline after the first visit, and a deploy
// is picked up at the next load. Each build has its own cache (its id is written in at
// `vite build`, src/site/plugin.ts); activating a build deletes the others, keeping the hashed
// assets they share. Hashed assets (their names change when their contents do, header pack
// chunks among them) are
// cache-first; everything else (pages, theme.js, embed.js, docs, kernel profiles) is
// network-first, the cached copy serving only when the network fails or hangs. Scripts get the
// workers' Content-Security-Policy header, as `npm start` sends it (src/site/policy.ts). Only same-origin GETs inside this worker's scope
// are touched.
"use strict";

var BUILD = "__KSYMNS_BUILD__";
var WORKER_POLICY = "__KSYMNS_WORKER_POLICY__";
var CACHE = "ksymns-" + BUILD;
var SCOPE = self.registration.scope;
/** How long a non-hashed file may take from the network before a cached copy is used. */
var NETWORK_WAIT_MS = 4000;

self.addEventListener("install", function () {
  self.skipWaiting();
});

function isHashed(url) {
  var path = new URL(url).pathname;
  // a header pack's chunks are named by their content too (src/cli/headerpack.ts)
  return /\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[A-Za-z0-9]+$/.test(path) || /\/headers\/[^/]+\/c\d+-[0-9a-f]{8}\.gz$/.test(path);
}

// the hashed assets of older builds move into this build's cache (a name means one content),
// so offline use survives the update; then the older caches go
self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (keys) {
        var old = keys.filter(function (k) { return k.indexOf("ksymns-") === 0 && k !== CACHE; });
        return caches.open(CACHE).then(function (cache) {
          return Promise.all(
            old.map(function (k) {
              return caches.open(k).then(function (oldCache) {
                return oldCache.keys().then(function (requests) {
                  return Promise.all(
                    requests.filter(function (r) { return isHashed(r.url); }).map(function (r) {
                      return oldCache.match(r).then(function (res) { return res && cache.put(r, res); });
                    }),
                  );
                });
              });
            }),
          ).then(function () { return Promise.all(old.map(function (k) { return caches.delete(k); })); });
        });
      })
      .then(function () { return self.clients.claim(); }),
  );
});

function inScope(url) {
  return typeof url === "string" && url.indexOf(SCOPE) === 0 && url.length < 2048;
}

function isPage(request, url) {
  return request.mode === "navigate" || /\.html$/.test(url.pathname) || url.pathname.slice(-1) === "/";
}

/** A fresh copy from the network (revalidated past the HTTP cache), or null when it fails. */
function fromNetwork(request) {
  return fetch(request, { cache: "no-cache" }).then(
    function (res) { return res; },
    function () { return null; },
  );
}

// a page asks to cache what it loaded before this worker controlled it
self.addEventListener("message", function (event) {
  var data = event.data;
  var port = event.ports && event.ports[0];
  if (!data || data.type !== "cache" || !Array.isArray(data.urls)) return;
  var urls = data.urls.filter(inScope).slice(0, 200).map(function (u) { return u.split("#")[0]; });
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(
        urls.map(function (u) {
          return cache.match(u, { ignoreVary: true }).then(function (hit) {
            if (hit) return null;
            return fetch(u, { cache: isHashed(u) ? "default" : "no-cache" }).then(function (res) { if (res.ok) return cache.put(u, res); }).catch(function () {});
          });
        }),
      );
    }).then(function () { if (port) port.postMessage({ type: "cached", count: urls.length }); }),
  );
});

/** The response with the workers' policy, for a script (a worker's takes its policy from its
 *  response, never from the page's meta tag). */
function withWorkerPolicy(res) {
  if (!res || WORKER_POLICY.indexOf("__") === 0) return res;
  var headers = new Headers(res.headers);
  headers.set("Content-Security-Policy", WORKER_POLICY);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers: headers });
}

/** Network first: a fresh copy is cached and served; when the network fails, or has not
 *  answered within NETWORK_WAIT_MS and a copy is cached, the cached copy serves. */
function networkFirst(request, key, fallback) {
  return caches.open(CACHE).then(function (cache) {
    var network = fromNetwork(request).then(function (res) {
      if (res && res.ok && res.type === "basic") cache.put(key, res.clone());
      return res;
    });
    var cached = fallback(cache);
    var late = new Promise(function (resolve) { setTimeout(resolve, NETWORK_WAIT_MS); }).then(function () {
      return cached.then(function (hit) { return hit || network; });
    });
    return Promise.race([network.then(function (res) { return res || cached; }), late]).then(function (res) {
      return res || cached.then(function (hit) { return hit || new Response("ksymns is offline and this file was not cached before.", { status: 503, headers: { "Content-Type": "text/plain" } }); });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || !inScope(request.url)) return;
  var url = new URL(request.url);
  // a worker takes its policy from its script's response; a page ignores a script's policy
  var script = request.destination === "worker" || request.destination === "sharedworker" || /\.m?js$/.test(url.pathname);
  var answer;
  if (isPage(request, url)) {
    var key = url.origin + url.pathname + url.search;
    answer = networkFirst(request, key, function (cache) {
      return cache.match(key, { ignoreVary: true }).then(function (hit) {
        return hit || cache.match(url.origin + url.pathname, { ignoreSearch: true, ignoreVary: true });
      });
    });
  } else if (isHashed(request.url)) {
    answer = caches.open(CACHE).then(function (cache) {
      return cache.match(request, { ignoreSearch: true, ignoreVary: true }).then(function (hit) {
        if (hit) return hit;
        return fetch(request).then(function (res) {
          if (res.ok && res.type === "basic") cache.put(request, res.clone());
          return res;
        });
      });
    });
  } else {
    answer = networkFirst(request, request, function (cache) { return cache.match(request, { ignoreSearch: true, ignoreVary: true }); });
  }
  event.respondWith(script ? answer.then(withWorkerPolicy) : answer);
});
