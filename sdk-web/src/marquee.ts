// Public entry point of the web SDK. The core (sync, triggers, queue, stream) and the renderers implement it.
export type * from './model';
export const version = '0.1.0';
