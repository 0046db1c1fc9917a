// ksymns' service worker: the site keeps working offline after the first visit. Pages
// (index.html, embed.html, docs) are network-first with the cached copy as fallback; hashed
// assets, the engine's .wasm and the kernel profiles are cache-first (their names change
// when their contents do). Only same-origin GETs inside this worker's scope are touched.
"use strict";

var CACHE = "ksymns-v1";
var SCOPE = self.registration.scope;

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (keys) {
        return Promise.all(keys.filter(function (k) { return k.indexOf("ksymns-") === 0 && k !== CACHE; }).map(function (k) { return caches.delete(k); }));
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
            return fetch(u).then(function (res) { if (res.ok) return cache.put(u, res); }).catch(function () {});
          });
        }),
      );
    }).then(function () { if (port) port.postMessage({ type: "cached", count: urls.length }); }),
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || !inScope(request.url)) return;
  var url = new URL(request.url);
  if (isPage(request, url)) {
    event.respondWith(
      fetch(request)
        .then(function (res) {
          if (res.ok) {
            var copy = res.clone();
            caches.open(CACHE).then(function (cache) { cache.put(url.origin + url.pathname + url.search, copy); });
          }
          return res;
        })
        .catch(function () {
          return caches.open(CACHE).then(function (cache) {
            return cache.match(url.origin + url.pathname + url.search, { ignoreVary: true }).then(function (hit) {
              return hit || cache.match(url.origin + url.pathname, { ignoreSearch: true, ignoreVary: true }).then(function (any) {
                return any || new Response("ksymns is offline and this page was not visited before.", { status: 503, headers: { "Content-Type": "text/plain" } });
              });
            });
          });
        }),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(function (cache) {
      return cache.match(request, { ignoreSearch: true, ignoreVary: true }).then(function (hit) {
        if (hit) return hit;
        return fetch(request).then(function (res) {
          if (res.ok && res.type === "basic") cache.put(request, res.clone());
          return res;
        });
      });
    }),
  );
});
