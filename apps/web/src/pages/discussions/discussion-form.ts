// The discussion form's state and what it sends (recordDiscussion / updateDiscussion): kept apart
// from the page so it can be tested without a browser.

export interface ActionDraft {
  title: string;
  description: string;
  ownerId: string;
  dueOn: string;
}

export interface DiscussionDraft {
  heldOn: string;
  participants: number | null;
  notes: string;
  publish: boolean;
  actions: ActionDraft[];
}

export const today = (now = new Date()): string => now.toISOString().slice(0, 10);

export const emptyAction = (ownerId = ''): ActionDraft => ({ title: '', description: '', ownerId, dueOn: '' });

export function draftOf(existing: { heldOn: string; participants: number; notes?: string | null; publish: boolean } | null, now = new Date()): DiscussionDraft {
  return existing
    ? { heldOn: String(existing.heldOn).slice(0, 10), participants: existing.participants, notes: existing.notes ?? '', publish: existing.publish, actions: [] }
    : { heldOn: today(now), participants: null, notes: '', publish: false, actions: [] };
}

/** The actions as the API takes them: blank rows (no title, owner or date) left out, so a half-added row does not block the form. */
export function actionsInput(actions: readonly ActionDraft[]) {
  return actions
    .filter((a) => a.title.trim() || a.ownerId || a.dueOn || a.description.trim())
    .map((a) => ({ title: a.title, description: a.description.trim() || null, ownerId: a.ownerId, dueOn: a.dueOn }));
}

/** Share of teams as a whole percentage, or '–' without teams. */
export const sharePercent = (share: number | null | undefined): string => (share === null || share === undefined ? '–' : `${Math.round(share * 100)} %`);
