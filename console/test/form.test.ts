import { describe, expect, it } from 'vitest';
import { emptyForm, fromCampaign, inputFor, toRequest } from '../src/campaign/form';
import type { Campaign } from '../src/campaign/model';

describe('campaign form ↔ API', () => {
  it('a banner with a button, a custom-event trigger and caps', () => {
    const form = {
      ...emptyForm(),
      name: ' Sale ',
      format: 'BANNER' as const,
      body: 'Free shipping',
      bannerPosition: 'TOP' as const,
      buttons: [{ id: 'shop', label: 'Shop', action: 'URL' as const, url: 'https://shop.example.com' }],
      triggerType: 'CUSTOM_EVENT' as const,
      triggerName: 'added_to_cart',
      lifetimeCap: '3',
      goalEvent: 'purchase',
    };
    expect(toRequest(form)).toEqual({
      name: 'Sale',
      triggers: [{ type: 'CUSTOM_EVENT', name: 'added_to_cart' }],
      message: {
        format: 'BANNER',
        body: 'Free shipping',
        buttons: [{ id: 'shop', label: 'Shop', action: 'URL', url: 'https://shop.example.com' }],
        banner: { position: 'TOP' },
      },
      frequency: { lifetimeCap: 3 },
      goals: { events: [{ name: 'purchase' }] },
    });
  });

  it('a stored campaign comes back into the same form', () => {
    const form = { ...emptyForm(), name: 'Welcome', title: 'Hi', body: 'Take the tour', priority: '60' };
    const request = toRequest(form);
    const stored: Campaign = {
      id: 'c1', appId: 'a1', name: request.name, state: 'DRAFT', version: 1, triggers: request.triggers,
      variants: [{ id: 'A', weight: 100, message: request.message }], controlPercent: 0,
      frequency: request.frequency, createdAt: '', updatedAt: '',
    };
    expect(fromCampaign(stored)).toEqual(form);
  });

  it('text that is not a number goes to the API, which names the field', () => {
    expect(toRequest({ ...emptyForm(), name: 'x', rolloutPercent: 'half' }).targeting).toEqual({ rolloutPercent: 'half' });
  });

  it('the variant path of a stored campaign is the message input', () => {
    expect(inputFor('variants[0].message.title')).toBe('message.title');
  });
});
