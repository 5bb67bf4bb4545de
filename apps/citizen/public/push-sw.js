// The citizen app's push service worker: shows a check-in reminder from a Web Push message and opens the app when
// it is tapped. Nothing else: no caching, no fetch handler. The payload is { title, body, tag } and its words are
// neutral on purpose, since a lock screen can be read by anyone holding the phone.
self.addEventListener('push', (event) => {
  let payload = {};
  try {
    payload = event.data ? event.data.json() : {};
  } catch {
    payload = {};
  }
  const text = (value) => (typeof value === 'string' ? value : '');
  const title = text(payload.title) || 'Reminder';
  const options = { body: text(payload.body), tag: text(payload.tag) || 'reminder' };
  event.waitUntil(self.registration.showNotification(title, options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const appUrl = new URL('/', self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => client.url.startsWith(appUrl) && 'focus' in client);
      return open ? open.focus() : self.clients.openWindow(appUrl);
    }),
  );
});
