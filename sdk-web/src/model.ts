// The SDK API's JSON, as delivery-service answers it (see delivery-service/README.md and the Java records named on
// each type). Absent parts are left out of the JSON, hence the optional fields.

/** contracts `MessageFormat` */
export type MessageFormat =
  | 'BANNER'
  | 'MODAL'
  | 'FULL_SCREEN'
  | 'IMAGE_ONLY'
  | 'CARD'
  | 'CAROUSEL'
  | 'SURVEY'
  | 'TOOLTIP'
  | 'HTML'
  | 'CUSTOM_JSON';

/** contracts `Message.Media`: https only, alt text mandatory */
export interface Media {
  url: string;
  alt: string;
}

/** contracts `Message.Button` */
export interface Button {
  id: string;
  label: string;
  action: 'DISMISS' | 'DEEP_LINK' | 'URL' | 'LOG_EVENT';
  /** DEEP_LINK (an app scheme such as `demoshop://tour`) and URL (https) */
  url?: string;
  /** LOG_EVENT: the custom event tracked when clicked */
  event?: string;
}

export interface ThemeColors {
  background?: string;
  text?: string;
  accent?: string;
  button?: string;
}

/** contracts `Message.Theme`: light and dark values, chosen by `prefers-color-scheme` unless the app forces one */
export interface Theme {
  light?: ThemeColors;
  dark?: ThemeColors;
  cornerRadius?: number;
  fontFamily?: string;
}

export interface Page {
  title?: string;
  body?: string;
  media?: Media;
  buttons?: Button[];
}

export interface Choice {
  id: string;
  label: string;
}

export interface Question {
  id: string;
  kind: 'NPS' | 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'FREE_TEXT';
  prompt: string;
  choices?: Choice[];
  required?: boolean;
}

/** contracts `Message`: already localized and personalized by the server (`locales` is not sent to the SDK use) */
export interface Message {
  format: MessageFormat;
  title?: string;
  body?: string;
  media?: Media;
  buttons?: Button[];
  theme?: Theme;
  banner?: { position?: 'TOP' | 'BOTTOM'; autoDismissSeconds?: number };
  card?: { pinned?: boolean; expiresAt?: string };
  pages?: Page[];
  questions?: Question[];
  tooltip?: { anchor: string; placement?: 'TOP' | 'BOTTOM' | 'LEFT' | 'RIGHT' };
  html?: string;
  payload?: Record<string, unknown>;
}

export type PropertyOperator = 'EQ' | 'NEQ' | 'GT' | 'GTE' | 'LT' | 'LTE' | 'IN' | 'CONTAINS' | 'EXISTS';

/** contracts `PropertyFilter`: numbers compare as numbers, everything else as text */
export interface PropertyFilter {
  property: string;
  operator: PropertyOperator;
  values?: unknown[];
}

export type TriggerType =
  | 'SESSION_START'
  | 'APP_OPEN'
  | 'SCREEN_VIEW'
  | 'CUSTOM_EVENT'
  | 'PURCHASE'
  | 'SEGMENT_ENTERED'
  | 'API';

/** contracts `Trigger` */
export interface Trigger {
  type: TriggerType;
  /** the screen (SCREEN_VIEW) or event name (CUSTOM_EVENT) */
  name?: string;
  segmentId?: string;
  filters?: PropertyFilter[];
  delaySeconds?: number;
}

/** delivery `SdkMessage`: one eligible message of `GET /v1/sdk/messages` */
export interface SdkMessage {
  campaignId: string;
  version: number;
  variant: string;
  locale?: string;
  triggers?: Trigger[];
  message: Message;
  /** a message sent over the stream: when its `ttlSeconds` are over (ISO-8601); not shown after */
  expiresAt?: string;
}

/** delivery `SdkMessagesResponse` */
export interface MessagesResponse {
  userId: string;
  messages: SdkMessage[];
  degraded: boolean;
  /** the app's own link schemes (an app setting); with https the only ones a link may use. Missing: none */
  linkSchemes?: string[];
}

/** delivery `Display`: the message a server decision shows now (after `delaySeconds`) */
export interface Display {
  campaignId: string;
  version: number;
  variant: string;
  locale?: string;
  trigger?: Trigger;
  delaySeconds: number;
  message: Message;
}

/** one event of `POST /v1/sdk/events` */
export interface SdkEvent {
  eventId: string;
  type: 'session_start' | 'app_open' | 'screen_view' | 'track' | 'purchase' | 'attributes' | 'identify';
  name?: string;
  properties?: Record<string, unknown>;
  attributes?: Record<string, unknown>;
  anonymousId?: string;
  occurredAt?: string;
}

/** delivery `SdkEventReader.Result` */
export interface EventResult {
  index: number;
  eventId?: string;
  status: string;
  errors?: { field: string; message: string }[];
}

/** delivery `SdkEventResource.EventsResponse` */
export interface EventsResponse {
  accepted: number;
  rejected: number;
  results: EventResult[];
  display?: Display;
  degraded: boolean;
}

/** one interaction of `POST /v1/sdk/interactions` */
export interface Interaction {
  eventId: string;
  type: 'impression' | 'click' | 'dismiss' | 'survey_answer';
  campaignId: string;
  version: number;
  variant: string;
  buttonId?: string;
  answers?: Record<string, unknown>;
}
