import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

// The service worker of the technician app (vite-plugin-pwa, injectManifest). The web tsconfig has the
// DOM library, not WebWorker, so the few worker calls used here are typed by hand.
type PrecacheEntry = { url: string; revision: string | null };
declare const self: {
  __WB_MANIFEST: PrecacheEntry[];
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(
    type: 'install' | 'activate',
    listener: (event: { waitUntil(p: Promise<unknown>): void }) => void,
  ): void;
};
const worker = self;

// The app shell (HTML, JS, CSS, the scanner's WASM) is cached at install, so the app opens with no network.
// Workbox replaces the literal self.__WB_MANIFEST with the list of files at build time.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Every page of the app is the same index.html; the API is never answered from the cache.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }));

// A new version takes over at once: the technician's data lives in IndexedDB, not in the page.
worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));
