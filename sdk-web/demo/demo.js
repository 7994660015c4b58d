// The demo shop: the Marquee web SDK wired to the local suite's demo app (see /demo-config.json).
import { Marquee } from '/sdk/marquee.js';

const config = await (await fetch('/demo-config.json')).json();
const params = new URLSearchParams(location.search);
const userId = params.get('user') || localStorage.getItem('marquee-demo-user') || config.userId;
const debug = params.has('debug') || localStorage.getItem('marquee-demo-debug') === 'true';

const status = document.getElementById('status');
const inboxCount = document.getElementById('inbox-count');
document.getElementById('user-id').value = userId;
document.getElementById('debug').checked = debug;

const client = await Marquee.init({
  sdkKey: config.sdkKey,
  userId,
  baseUrl: config.baseUrl,
  locale: navigator.language,
  theme: 'auto',
  deepLinkSchemes: [config.deepLinkScheme],
  inbox: document.getElementById('inbox'),
  debug,
});
status.textContent = `SDK connected to ${config.baseUrl} as ${userId}.`;

function showUnread() {
  inboxCount.textContent = String(client.inbox().unread);
}

function go(screen) {
  for (const section of document.querySelectorAll('.screen')) {
    section.hidden = section.id !== `screen-${screen}`;
  }
  client.screen(screen);
}

window.addEventListener('hashchange', () => go(location.hash.slice(1) || 'home'));
go(location.hash.slice(1) || 'home');

let cart = 0;
document.getElementById('add-to-cart').addEventListener('click', () => {
  cart += 1;
  document.getElementById('cart-summary').textContent = `${cart} × Trail sneakers, ${(cart * 89).toFixed(2)} €`;
  client.track('add_to_cart', { sku: 'trail-sneakers', price: 89 });
});
document.getElementById('place-order').addEventListener('click', () => {
  client.track('order_completed', { total: Math.max(cart, 1) * 89, currency: 'EUR' });
  cart = 0;
  document.getElementById('cart-summary').textContent = 'Thank you! Your order is on its way.';
});

const toggle = document.getElementById('inbox-toggle');
toggle.addEventListener('click', async () => {
  const panel = document.getElementById('inbox-panel');
  panel.hidden = !panel.hidden;
  toggle.setAttribute('aria-expanded', String(!panel.hidden));
  if (!panel.hidden) {
    await client.refreshInbox();
  }
  showUnread();
});

document.getElementById('user-form').addEventListener('submit', (event) => {
  event.preventDefault();
  localStorage.setItem('marquee-demo-user', document.getElementById('user-id').value.trim() || config.userId);
  localStorage.setItem('marquee-demo-debug', String(document.getElementById('debug').checked));
  client.reset();
  location.reload();
});

await client.refreshInbox();
showUnread();
// cards count as read once seen in the open feed: keep the badge current
setInterval(showUnread, 1000);
