import { describe, expect, it } from 'vitest';
import { allowedLink as coreAllowedLink, isAllowedLink } from '../../src/core/links';
import { allowedLink as renderAllowedLink } from '../../src/render/links';

// The SDK had two link policies (core: a yes/no on the scheme; renderers: a parsed URL or null) that disagreed. One
// is left, in src/core/links.ts; the renderers re-export it. These are the cases where the two answered differently.
describe('the one link policy', () => {
  it('the renderers and the core use the same implementation', () => {
    expect(renderAllowedLink).toBe(coreAllowedLink);
  });

  it('refuses a dangerous scheme even when the app listed it as a deep link (the core used to allow it)', () => {
    for (const [url, scheme] of [
      ['javascript:alert(1)', 'javascript'],
      [' javascript:alert(1)', 'javascript'],
      ['data:text/html,<script>alert(1)</script>', 'data'],
      ['http://shop.example.com', 'http'],
      ['file:///etc/passwd', 'file'],
      ['vbscript:msgbox(1)', 'vbscript'],
      ['blob:https://shop.example/1', 'blob'],
      ['intent://scan#Intent;end', 'intent'],
    ]) {
      expect(coreAllowedLink(url, ['demoshop', scheme])).toBeNull();
      expect(isAllowedLink(url, ['demoshop', scheme])).toBe(false);
    }
  });

  it('refuses a deep link that is not a URL (the core used to check the scheme prefix only)', () => {
    for (const url of ['demoshop://a b', 'demoshop://[x', 'demoshop://a<b']) {
      expect(isAllowedLink(url, ['demoshop'])).toBe(false);
    }
  });

  it('answers the normalized URL, which is what is navigated to', () => {
    expect(coreAllowedLink('DemoShop://tour', ['demoshop:'])).toBe('demoshop://tour');
    expect(coreAllowedLink('HTTPS://Shop.Example.com/sale', [])).toBe('https://shop.example.com/sale');
    expect(coreAllowedLink('https:shop.example.com', [])).toBe('https://shop.example.com/');
  });

  it('still allows https with a host and the app’s own schemes, and nothing without a scheme', () => {
    expect(isAllowedLink('https://shop.example/sale', [])).toBe(true);
    expect(isAllowedLink('demoshop://tour', ['demoshop'])).toBe(true);
    expect(isAllowedLink('https://', ['demoshop'])).toBe(false);
    expect(isAllowedLink('otherapp://x', ['demoshop'])).toBe(false);
    expect(isAllowedLink('/relative', ['demoshop'])).toBe(false);
    expect(isAllowedLink(undefined, ['demoshop'])).toBe(false);
  });
});
