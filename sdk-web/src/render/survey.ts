// SURVEY: up to 5 questions (NPS 0–10, single or multiple choice, free text) in a modal dialog. Required questions
// must be answered before submitting; the answers go to `callbacks.answer` (NPS → number, choices → string[], free
// text → string; unanswered optional questions are left out), then a thank-you shows and the survey closes itself.
import type { Question, SdkMessage } from '../model';
import type { RenderLabels, RenderOptions, RenderedMessage } from './contract';
import { dialogFrame, showDialog } from './dialog';
import { element, heading, screenReaderText, uniqueId } from './elements';

const THANKS_MILLIS = 2000;

/** One question on screen: its answer, or undefined while unanswered. */
interface Field {
  question: Question;
  fieldset: HTMLFieldSetElement;
  error: HTMLElement;
  value(): unknown;
}

export function showSurvey(message: SdkMessage, options: RenderOptions): RenderedMessage | null {
  const questions = message.message.questions ?? [];
  if (questions.length === 0) return null;
  const dialog = dialogFrame(message, options, {
    layout: 'overlay',
    className: 'marquee-survey',
    dismissOnOutsideClick: false,
  });
  const { presentation, panel } = dialog;
  const labels = presentation.labels;
  const title = heading('h2', message.message.title ?? labels.message);
  panel.append(title);
  dialog.labelBy(title);
  if (message.message.body) panel.append(element('p', 'marquee-text', message.message.body));

  const form = element('form', 'marquee-form');
  form.noValidate = true;
  const fields = questions.map((question) => field(question, labels));
  form.append(...fields.map((f) => f.fieldset));
  const formError = element('p', 'marquee-error');
  formError.setAttribute('role', 'alert');
  formError.hidden = true;
  const submit = element('button', 'marquee-button marquee-primary', labels.submit);
  submit.type = 'submit';
  submit.setAttribute('data-marquee-submit', '');
  const actions = element('div', 'marquee-actions');
  actions.append(submit);
  form.append(formError, actions);
  panel.append(form);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const answers: Record<string, unknown> = {};
    let firstInvalid: Field | undefined;
    for (const f of fields) {
      const value = f.value();
      const missing = value === undefined && f.question.required === true;
      setInvalid(f, missing);
      if (missing) firstInvalid ??= f;
      if (value !== undefined) answers[f.question.id] = value;
    }
    const nothing = !firstInvalid && Object.keys(answers).length === 0;
    formError.hidden = !nothing;
    formError.textContent = nothing ? labels.answerOne : '';
    if (firstInvalid) {
      firstInvalid.fieldset.querySelector<HTMLElement>('button, input, textarea')?.focus();
      return;
    }
    if (nothing) return;
    options.callbacks.answer(answers);
    presentation.finish();
    thankYou(panel, title, labels);
    const timer = setTimeout(() => presentation.close(), THANKS_MILLIS);
    presentation.onClose(() => clearTimeout(timer));
  });
  return showDialog(dialog);
}

function thankYou(panel: HTMLElement, title: HTMLElement, labels: RenderLabels): void {
  for (const child of Array.from(panel.children)) {
    if (!child.hasAttribute('data-marquee-close') && child !== title) child.remove();
  }
  const thanks = element('p', 'marquee-text marquee-thanks', labels.thanks);
  thanks.setAttribute('role', 'status');
  thanks.setAttribute('data-marquee-thanks', '');
  panel.append(thanks);
  panel.querySelector<HTMLElement>('[data-marquee-close]')?.focus();
}

function setInvalid(f: Field, invalid: boolean): void {
  f.error.hidden = !invalid;
  f.fieldset.toggleAttribute('data-invalid', invalid);
  if (invalid) f.fieldset.setAttribute('aria-invalid', 'true');
  else f.fieldset.removeAttribute('aria-invalid');
}

function field(question: Question, labels: RenderLabels): Field {
  const fieldset = element('fieldset', 'marquee-question');
  fieldset.setAttribute('data-marquee-question', question.id);
  const legend = element('legend', 'marquee-prompt', question.prompt);
  legend.id = uniqueId('prompt');
  fieldset.append(legend);
  const error = element('p', 'marquee-error', `⚠ ${labels.required}`);
  error.id = uniqueId('error');
  error.hidden = true;
  fieldset.setAttribute('aria-describedby', error.id);
  if (question.required) {
    const mark = element('span', undefined, ' *');
    mark.setAttribute('aria-hidden', 'true');
    legend.append(mark, screenReaderText(` (${labels.requiredMark})`));
  }
  const value = input(question, fieldset, labels);
  fieldset.append(error);
  const f: Field = { question, fieldset, error, value };
  // the error goes away as soon as the question has an answer
  fieldset.addEventListener('change', () => f.value() !== undefined && setInvalid(f, false));
  fieldset.addEventListener('click', () => f.value() !== undefined && setInvalid(f, false));
  return f;
}

function input(question: Question, fieldset: HTMLFieldSetElement, labels: RenderLabels): () => unknown {
  switch (question.kind) {
    case 'NPS':
      return nps(fieldset, labels);
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
      return choices(question, fieldset);
    case 'FREE_TEXT': {
      const textarea = element('textarea', 'marquee-textarea');
      textarea.setAttribute('aria-labelledby', fieldset.querySelector('legend')!.id);
      if (question.required) textarea.required = true;
      fieldset.append(textarea);
      return () => (textarea.value.trim() === '' ? undefined : textarea.value.trim());
    }
    default:
      return () => undefined;
  }
}

function nps(fieldset: HTMLFieldSetElement, labels: RenderLabels): () => unknown {
  let selected: number | undefined;
  const scale = element('div', 'marquee-nps');
  const options: HTMLButtonElement[] = [];
  for (let score = 0; score <= 10; score++) {
    const option = element('button', 'marquee-nps-option', String(score));
    option.type = 'button';
    option.setAttribute('data-marquee-nps', String(score));
    option.setAttribute('aria-pressed', 'false');
    option.addEventListener('click', () => {
      selected = score;
      options.forEach((o, i) => o.setAttribute('aria-pressed', String(i === score)));
    });
    options.push(option);
  }
  scale.append(...options);
  const ends = element('div', 'marquee-scale');
  ends.append(element('span', undefined, `0 · ${labels.npsLow}`), element('span', undefined, `10 · ${labels.npsHigh}`));
  fieldset.append(scale, ends);
  return () => selected;
}

function choices(question: Question, fieldset: HTMLFieldSetElement): () => unknown {
  const multiple = question.kind === 'MULTIPLE_CHOICE';
  const name = uniqueId('choice');
  const inputs = (question.choices ?? []).map((choice) => {
    const label = element('label', 'marquee-choice');
    const control = element('input');
    control.type = multiple ? 'checkbox' : 'radio';
    control.name = name;
    control.value = choice.id;
    control.setAttribute('data-marquee-choice', choice.id);
    label.append(control, element('span', undefined, choice.label));
    fieldset.append(label);
    return control;
  });
  return () => {
    const chosen = inputs.filter((i) => i.checked).map((i) => i.value);
    return chosen.length === 0 ? undefined : chosen;
  };
}
