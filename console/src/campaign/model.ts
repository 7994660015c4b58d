// The management API's campaign JSON (campaign-service CampaignRequest / CampaignResponse), the parts the console edits.
import type { Button, Message, MessageFormat, Question, Trigger } from '@marquee/sdk-web';

export type CampaignState = 'DRAFT' | 'SCHEDULED' | 'ACTIVE' | 'PAUSED' | 'ENDED' | 'ARCHIVED';

export interface Variant {
  id: string;
  name?: string;
  weight: number;
  message: Message;
}

export interface Campaign {
  id: string;
  appId: string;
  name: string;
  state: CampaignState;
  version: number;
  triggers: Trigger[];
  targeting?: { rolloutPercent?: number; includeSegments?: string[]; excludeSegments?: string[] };
  variants: Variant[];
  controlPercent: number;
  frequency?: { lifetimeCap?: number; perSessionCap?: number; priority?: number; critical?: boolean };
  goals?: { events: { name: string }[]; windowDays?: number };
  createdAt: string;
  updatedAt: string;
}

export interface CampaignRequest {
  name: string;
  triggers: Trigger[];
  message: Message;
  targeting?: { rolloutPercent?: number };
  controlPercent?: number;
  frequency?: { lifetimeCap?: number; priority?: number };
  goals?: { events: { name: string }[] };
}

export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

export type { Button, Message, MessageFormat, Question, Trigger };
