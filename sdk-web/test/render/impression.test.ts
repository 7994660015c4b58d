import { describe, expect, it, vi } from 'vitest';
import { modal, recordingOptions, settle, show } from './fixtures';

/** The browser's IntersectionObserver, driven by the test (jsdom has none). */
class ViewportObserver {
  static last: ViewportObserver | undefined;
  constructor(private readonly callback: IntersectionObserverCallback) {
    ViewportObserver.last = this;
  }
  observe() {}
  disconnect() {}
  intersect(isIntersecting: boolean) {
    this.callback([{ isIntersecting } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
}

function documentVisibility(state: DocumentVisibilityState) {
  vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(state);
}

describe('impressions', () => {
  it('wait until the message intersects the viewport, and count once', async () => {
    vi.stubGlobal('IntersectionObserver', ViewportObserver);
    const options = recordingOptions();
    show(modal(), options);
    await settle();
    ViewportObserver.last!.intersect(false);
    expect(options.recorded.impressions).toBe(0);
    ViewportObserver.last!.intersect(true);
    ViewportObserver.last!.intersect(false);
    ViewportObserver.last!.intersect(true);
    expect(options.recorded.impressions).toBe(1);
    vi.unstubAllGlobals();
  });

  it('wait until the document is visible', async () => {
    documentVisibility('hidden');
    const options = recordingOptions();
    show(modal(), options);
    await settle();
    expect(options.recorded.impressions).toBe(0);
    documentVisibility('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(options.recorded.impressions).toBe(1);
  });

  it('never count for a message closed before it was seen', async () => {
    const options = recordingOptions();
    show(modal(), options)!.close();
    await settle();
    expect(options.recorded.impressions).toBe(0);
  });
});
