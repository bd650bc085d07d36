/**
 * The year's-end flows (scoring, the vote, proposals, dossiers, the decision), loaded with their
 * first use, or a moment after start: a start in any other season answers without their thirty
 * modules. Their commands and who may open them are declared here, their steps in their modules.
 */
import { deferFlow } from '../chat/engine.ts';
import type { Person, Unit } from '../domain/model.ts';
import { can } from '../domain/scope.ts';

/** A unit's liaison or its cluster head, on their unit's sheet; the Board on any group's review. */
const mayScore = (person: Person, unit: Unit | null) => person.role === 'admin' || ((person.role === 'liaison' || person.role === 'cluster_head') && unit !== null);
/** A unit's people, and the Board and viewers who read every group. */
const unitOrBoard = (person: Person, unit: Unit | null) => unit !== null || person.role === 'admin' || person.role === 'viewer';

export const scoreFlow = deferFlow(
  {
    id: 'score',
    commands: [{ en: 'score', vi: 'chamdiem', menu: ['liaison', 'cluster_head', 'admin'], place: 120 }],
    requires: { movement: true, person: { may: mayScore, refusal: 'score-refused' } },
  },
  async () => (await import('./score.ts')).scoreFlow,
);

export const voteFlow = deferFlow(
  {
    id: 'vote',
    commands: [{ en: 'vote', vi: 'binhxet', menu: ['cluster_head', 'liaison', 'admin'], place: 130 }],
    requires: { movement: true, person: { may: unitOrBoard, refusal: 'vote-not-allowed' } },
  },
  async () => (await import('./vote.ts')).voteFlow,
);

export const proposalFlow = deferFlow(
  {
    id: 'proposal',
    commands: [{ en: 'propose', vi: 'denghi', menu: ['cluster_head', 'liaison', 'admin'], place: 131 }],
    requires: { movement: true, person: { may: unitOrBoard, refusal: 'vote-not-allowed' } },
  },
  async () => (await import('./proposal.ts')).proposalFlow,
);

export const scoreFormFlow = deferFlow(
  {
    id: 'score-form',
    commands: [{ en: 'scoreform', vi: 'chamdiemexcel', menu: [], help: ['liaison'], place: 67 }],
    requires: { movement: true, person: { may: (person, unit) => unit !== null && person.role === 'liaison', refusal: 'score-form-not-allowed' } },
  },
  async () => (await import('./score-form.ts')).scoreFormFlow,
);

export const dossierFlow = deferFlow(
  {
    id: 'dossier',
    commands: [{ en: 'dossier', vi: 'hoso', menu: ['admin', 'cluster_head', 'liaison', 'viewer'], place: 150 }],
    requires: { movement: true, person: { may: unitOrBoard, refusal: 'scope-refused' } },
  },
  async () => (await import('./dossier.ts')).dossierFlow,
);

export const decisionFlow = deferFlow(
  {
    id: 'decision',
    commands: [{ en: 'decision', vi: 'quyetdinh', menu: ['admin'], place: 160 }],
    requires: { movement: true, person: { may: can.review, refusal: 'scope-admin-only' } },
  },
  async () => (await import('./decision.ts')).decisionFlow,
);
