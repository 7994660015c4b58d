import { describe, expect, it } from 'vitest';
import { fieldMessages, toProblem, unclaimed } from '../src/api/problem';

describe('problem+json', () => {
  it('maps each field error to its path, joining two on one field', () => {
    const problem = toProblem(400, {
      title: 'Invalid request',
      errors: [
        { field: 'message.buttons[0].url', message: 'must be https' },
        { field: 'name', message: 'must not be blank' },
        { field: 'name', message: 'is too long' },
      ],
    });
    const messages = fieldMessages(problem);
    expect(messages.get('message.buttons[0].url')).toBe('must be https');
    expect(messages.get('name')).toBe('must not be blank; is too long');
    expect(unclaimed(messages, ['name'])).toEqual([['message.buttons[0].url', 'must be https']]);
  });

  it('a body that is no problem still gives a title and no field', () => {
    expect(toProblem(502, '<html>')).toEqual({ status: 502, title: 'Request failed (502)', detail: undefined, errors: [] });
  });
});
