import { describe, expect, it, vi } from 'vitest';
import type { Question } from '../../src/model';
import { q, recordingOptions, sdkMessage, show } from './fixtures';

const questions: Question[] = [
  { id: 'nps', kind: 'NPS', prompt: 'How likely are you to recommend us?', required: true },
  {
    id: 'why',
    kind: 'SINGLE_CHOICE',
    prompt: 'Main reason?',
    choices: [
      { id: 'price', label: 'Price' },
      { id: 'choice', label: 'Choice' },
    ],
  },
  {
    id: 'more',
    kind: 'MULTIPLE_CHOICE',
    prompt: 'What else?',
    required: true,
    choices: [
      { id: 'delivery', label: 'Delivery' },
      { id: 'returns', label: 'Returns' },
      { id: 'app', label: 'The app' },
    ],
  },
  { id: 'text', kind: 'FREE_TEXT', prompt: 'Anything to add?' },
];

const survey = () => sdkMessage({ format: 'SURVEY', title: 'Quick question', questions });

function submit(root: HTMLElement): void {
  q('[data-marquee-submit]', root).click();
}

describe('survey', () => {
  it('is a modal dialog with one fieldset per question and an 11-point NPS scale', () => {
    const root = show(survey(), recordingOptions())!.element;
    expect(root.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(root.getAttribute('aria-labelledby')!)!.textContent).toBe('Quick question');
    expect(root.querySelectorAll('fieldset[data-marquee-question]')).toHaveLength(4);
    const nps = q('[data-marquee-question="nps"]', root);
    expect(Array.from(nps.querySelectorAll('[data-marquee-nps]')).map((b) => b.textContent)).toEqual(
      ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
    );
    expect(q<HTMLInputElement>('[data-marquee-question="why"] [data-marquee-choice="price"]', root).type).toBe('radio');
    expect(q<HTMLInputElement>('[data-marquee-question="more"] [data-marquee-choice="app"]', root).type).toBe('checkbox');
    const textarea = q('[data-marquee-question="text"] textarea', root);
    expect(document.getElementById(textarea.getAttribute('aria-labelledby')!)!.textContent).toBe('Anything to add?');
  });

  it('refuses to submit while a required question is unanswered, and says which', () => {
    const options = recordingOptions();
    const root = show(survey(), options)!.element;
    q('[data-marquee-nps="9"]', root).click();
    submit(root);
    expect(options.recorded.answers).toEqual([]);
    const more = q('[data-marquee-question="more"]', root);
    expect(more.getAttribute('aria-invalid')).toBe('true');
    expect(q('.marquee-error', more).hidden).toBe(false);
    expect(q('[data-marquee-question="nps"]', root).hasAttribute('aria-invalid')).toBe(false);
    expect(more.contains(document.activeElement)).toBe(true);
  });

  it('sends NPS as a number, choices as ids and free text as trimmed text; leaves out unanswered optional ones', () => {
    vi.useFakeTimers();
    const options = recordingOptions();
    const shown = show(survey(), options)!;
    const root = shown.element;
    q('[data-marquee-nps="3"]', root).click();
    q('[data-marquee-nps="9"]', root).click();
    expect(q('[data-marquee-nps="9"]', root).getAttribute('aria-pressed')).toBe('true');
    expect(q('[data-marquee-nps="3"]', root).getAttribute('aria-pressed')).toBe('false');
    q('[data-marquee-choice="app"]', root).click();
    q('[data-marquee-choice="delivery"]', root).click();
    q<HTMLTextAreaElement>('textarea', root).value = '  more sizes  ';
    submit(root);

    expect(options.recorded.answers).toEqual([{ nps: 9, more: ['delivery', 'app'], text: 'more sizes' }]);
    expect(q('[data-marquee-thanks]', root).textContent).toBe('Thank you!');
    expect(root.querySelector('form')).toBeNull();

    vi.advanceTimersByTime(2000);
    expect(root.isConnected).toBe(false);
    expect(options.recorded.dismissals).toBe(0);
  });

  it('sends a single choice as a one-element list', () => {
    const options = recordingOptions();
    const root = show(
      sdkMessage({ format: 'SURVEY', title: 'Why?', questions: [questions[1]] }),
      options,
    )!.element;
    q('[data-marquee-choice="choice"]', root).click();
    q('[data-marquee-choice="price"]', root).click();
    submit(root);
    expect(options.recorded.answers).toEqual([{ why: ['price'] }]);
  });

  it('closing after answering is not a dismissal; closing before is', () => {
    const answered = recordingOptions();
    const root = show(sdkMessage({ format: 'SURVEY', title: 'NPS', questions: [questions[0]] }), answered)!.element;
    q('[data-marquee-nps="10"]', root).click();
    submit(root);
    q('[data-marquee-close]', root).click();
    expect(answered.recorded.dismissals).toBe(0);
    expect(root.isConnected).toBe(false);

    const skipped = recordingOptions();
    const other = show(sdkMessage({ format: 'SURVEY', title: 'NPS', questions: [questions[0]] }), skipped)!.element;
    q('[data-marquee-close]', other).click();
    expect(skipped.recorded.dismissals).toBe(1);
    expect(skipped.recorded.answers).toEqual([]);
  });

  it('an empty submission of optional questions is refused', () => {
    const options = recordingOptions();
    const root = show(sdkMessage({ format: 'SURVEY', title: 'Tell us', questions: [questions[3]] }), options)!.element;
    q<HTMLTextAreaElement>('textarea', root).value = '   ';
    submit(root);
    expect(options.recorded.answers).toEqual([]);
    expect(q('[role="alert"]', root).textContent).toBe('Please answer at least one question.');
  });

  it('shows prompts and choices as text', () => {
    const root = show(
      sdkMessage({
        format: 'SURVEY',
        title: 'T',
        questions: [{ id: 'x', kind: 'SINGLE_CHOICE', prompt: '<b>bold</b>', choices: [{ id: 'a', label: '<i>a</i>' }, { id: 'b', label: 'b' }] }],
      }),
      recordingOptions(),
    )!.element;
    expect(root.querySelector('b, i')).toBeNull();
    expect(root.textContent).toContain('<b>bold</b>');
  });
});
