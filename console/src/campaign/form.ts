// The editor's form (flat strings, as inputs hold them) ↔ the API's campaign JSON. Each form field's `name` is the
// API's field path, so a problem+json error lands at the input it names.
import type { Button, Campaign, CampaignRequest, Message, MessageFormat } from './model';

export const FORMATS: MessageFormat[] = ['MODAL', 'BANNER', 'CARD', 'SURVEY'];

export interface ButtonForm {
  id: string;
  label: string;
  action: Button['action'];
  url: string;
}

export interface CampaignForm {
  name: string;
  format: MessageFormat;
  title: string;
  body: string;
  mediaUrl: string;
  mediaAlt: string;
  buttons: ButtonForm[];
  bannerPosition: 'TOP' | 'BOTTOM';
  surveyPrompt: string;
  triggerType: CampaignRequest['triggers'][number]['type'];
  triggerName: string;
  rolloutPercent: string;
  controlPercent: string;
  lifetimeCap: string;
  priority: string;
  goalEvent: string;
}

export function emptyForm(): CampaignForm {
  return {
    name: '',
    format: 'MODAL',
    title: '',
    body: '',
    mediaUrl: '',
    mediaAlt: '',
    buttons: [],
    bannerPosition: 'BOTTOM',
    surveyPrompt: 'How likely are you to recommend us to a friend?',
    triggerType: 'SESSION_START',
    triggerName: '',
    rolloutPercent: '',
    controlPercent: '',
    lifetimeCap: '',
    priority: '',
    goalEvent: '',
  };
}

/** A number the user typed, or undefined when left empty; text that is no number is sent as is for the API to name. */
function num(value: string): number | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : (trimmed as unknown as number);
}

function text(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

/** The message part alone: what the preview draws and what the request carries. */
export function toMessage(form: CampaignForm): Message {
  const message: Message = { format: form.format };
  if (form.format !== 'SURVEY') {
    message.title = text(form.title);
    message.body = text(form.body);
  } else {
    message.title = text(form.title);
    message.questions = [{ id: 'nps', kind: 'NPS', prompt: form.surveyPrompt, required: true }];
  }
  if (form.mediaUrl.trim() !== '' || form.mediaAlt.trim() !== '') {
    message.media = { url: form.mediaUrl.trim(), alt: form.mediaAlt };
  }
  if (form.buttons.length > 0 && form.format !== 'SURVEY') {
    message.buttons = form.buttons.map((b) => {
      const button: Button = { id: b.id, label: b.label, action: b.action };
      if (b.action === 'URL' || b.action === 'DEEP_LINK') button.url = b.url.trim();
      if (b.action === 'LOG_EVENT') button.event = b.url.trim();
      return button;
    });
  }
  if (form.format === 'BANNER') message.banner = { position: form.bannerPosition };
  return dropUndefined(message);
}

export function toRequest(form: CampaignForm): CampaignRequest {
  const trigger: CampaignRequest['triggers'][number] = { type: form.triggerType };
  if (form.triggerType === 'SCREEN_VIEW' || form.triggerType === 'CUSTOM_EVENT') trigger.name = form.triggerName.trim();
  const request: CampaignRequest = { name: form.name.trim(), triggers: [trigger], message: toMessage(form) };
  const rollout = num(form.rolloutPercent);
  if (rollout !== undefined) request.targeting = { rolloutPercent: rollout };
  const control = num(form.controlPercent);
  if (control !== undefined) request.controlPercent = control;
  const lifetimeCap = num(form.lifetimeCap);
  const priority = num(form.priority);
  if (lifetimeCap !== undefined || priority !== undefined) {
    request.frequency = dropUndefined({ lifetimeCap, priority });
  }
  if (form.goalEvent.trim() !== '') request.goals = { events: [{ name: form.goalEvent.trim() }] };
  return request;
}

/** A stored campaign in the form; its first variant is the message edited (experiments: see README, known gaps). */
export function fromCampaign(campaign: Campaign): CampaignForm {
  const form = emptyForm();
  const message = campaign.variants[0]?.message ?? { format: 'MODAL' };
  const trigger = campaign.triggers[0];
  const nps = message.questions?.[0];
  return {
    ...form,
    name: campaign.name,
    format: message.format,
    title: message.title ?? '',
    body: message.body ?? '',
    mediaUrl: message.media?.url ?? '',
    mediaAlt: message.media?.alt ?? '',
    buttons: (message.buttons ?? []).map((b) => ({ id: b.id, label: b.label, action: b.action, url: b.url ?? b.event ?? '' })),
    bannerPosition: message.banner?.position ?? 'BOTTOM',
    surveyPrompt: nps?.prompt ?? form.surveyPrompt,
    triggerType: trigger?.type ?? 'SESSION_START',
    triggerName: trigger?.name ?? '',
    rolloutPercent: campaign.targeting?.rolloutPercent === undefined ? '' : String(campaign.targeting.rolloutPercent),
    controlPercent: campaign.controlPercent ? String(campaign.controlPercent) : '',
    lifetimeCap: campaign.frequency?.lifetimeCap === undefined ? '' : String(campaign.frequency.lifetimeCap),
    priority: campaign.frequency?.priority === undefined ? '' : String(campaign.frequency.priority),
    goalEvent: campaign.goals?.events[0]?.name ?? '',
  };
}

/**
 * The form input named by an API field path. The console sends one `message`; the API may name it as such or, for a
 * stored campaign, as `variants[0].message`; the trigger is `triggers[0]`.
 */
export function inputFor(field: string): string {
  return field.replace(/^variants\[0\]\.message\./, 'message.');
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
