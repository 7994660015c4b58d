import type { RenderLabels } from './contract';

export const ENGLISH: RenderLabels = {
  close: 'Close',
  previous: 'Previous',
  next: 'Next',
  page: 'Page {current} of {total}',
  submit: 'Submit',
  thanks: 'Thank you!',
  required: 'Please answer this question.',
  requiredMark: 'required',
  answerOne: 'Please answer at least one question.',
  npsLow: 'Not likely',
  npsHigh: 'Very likely',
  message: 'Message',
  inbox: 'Inbox',
  unread: 'unread',
  pinned: 'Pinned',
  archive: 'Archive',
  empty: 'No messages yet.',
};

export function labelsOf(overrides: Partial<RenderLabels> | undefined): RenderLabels {
  return { ...ENGLISH, ...overrides };
}
