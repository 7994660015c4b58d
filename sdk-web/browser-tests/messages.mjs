// One message of each format of the campaign model, as the format and viewport tests show them.

export const IMAGE = { url: 'https://cdn.example.com/sneaker.svg', alt: 'A red trail sneaker' };
export const THEME = {
  light: { background: '#ffffff', text: '#1b1b1f', accent: '#b3123a', button: '#b3123a' },
  dark: { background: '#1b1b1f', text: '#f5f5f5', accent: '#ff8fa6', button: '#ff8fa6' },
  cornerRadius: 16,
};

export const MESSAGES = {
  BANNER: {
    format: 'BANNER',
    body: 'Free shipping on every order this week',
    banner: { position: 'TOP', autoDismissSeconds: 60 },
  },
  MODAL: {
    format: 'MODAL',
    title: 'New in: trail sneakers',
    body: 'Light, waterproof and 20% off this week.',
    media: IMAGE,
    theme: THEME,
    buttons: [
      { id: 'later', label: 'Maybe later', action: 'DISMISS' },
      { id: 'remind', label: 'Remind me', action: 'LOG_EVENT', event: 'remind_me' },
    ],
  },
  FULL_SCREEN: {
    format: 'FULL_SCREEN',
    title: 'Dark mode is here',
    body: 'The shop now follows your system theme.',
    media: IMAGE,
    buttons: [{ id: 'ok', label: 'Got it', action: 'DISMISS' }],
  },
  IMAGE_ONLY: {
    format: 'IMAGE_ONLY',
    media: IMAGE,
    buttons: [{ id: 'shop', label: 'Shop the sale', action: 'DEEP_LINK', url: 'demoshop://sale' }],
  },
  CAROUSEL: {
    format: 'CAROUSEL',
    pages: [
      { title: 'Step 1', body: 'Pick your size' },
      { title: 'Step 2', body: 'Choose a colour', media: IMAGE },
      { title: 'Step 3', body: 'Check out in one tap' },
    ],
  },
  SURVEY: {
    format: 'SURVEY',
    title: 'Quick question',
    questions: [
      { id: 'nps', kind: 'NPS', prompt: 'How likely are you to recommend us?', required: true },
      {
        id: 'why',
        kind: 'SINGLE_CHOICE',
        prompt: 'What matters most?',
        choices: [
          { id: 'price', label: 'Price' },
          { id: 'speed', label: 'Delivery speed' },
        ],
      },
      { id: 'more', kind: 'FREE_TEXT', prompt: 'Anything else?' },
    ],
  },
  TOOLTIP: {
    format: 'TOOLTIP',
    body: 'Filter by size here',
    tooltip: { anchor: 'size-filter', placement: 'BOTTOM' },
  },
  HTML: {
    format: 'HTML',
    html: '<h1>Hello from HTML</h1><p>Rendered in a sandboxed frame.</p>',
  },
};
