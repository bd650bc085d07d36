/**
 * Registering a unit's targets (đăng ký chỉ tiêu thi đua): add targets one question at a time,
 * review the list, edit or delete, choose the titles sought, and submit for review.
 */
import { defineFlow, type FlowContext, type StartResult, type Step, type StepResult } from '../chat/engine.ts';
import type { Choice } from '../chat/types.ts';
import {
  ensureRegistration,
  getRegistration,
  isEditable,
  listTargets,
  listTitles,
  removeTarget,
  setTitles,
  submitRegistration,
  titleContext,
} from '../domain/registrations.ts';
import { TITLES, TITLES_WITH_HISTORY, titleHistory, titlesOffered, toggleTitle } from '../domain/titles.ts';
import { awardedYears } from '../domain/year-end/decisions.ts';
import { recordAudit } from '../domain/audit.ts';
import { deadlineFor } from '../domain/deadlines.ts';
import { cleanText, isBlankText } from '../domain/text-input.ts';
import { formatVnDate } from '../domain/vn-input.ts';
import { fold } from '../util/text.ts';
import { TARGET_TEXT_MAX } from '../domain/target-fields.ts';
import { requestForm } from './forms.ts';
import { can } from '../domain/scope.ts';
import { adminIds, mainMenuChoices, readReason, skipChoice, unitToEnter } from './common.ts';
import { data, type Data, menuText, targetChoices, unitOf } from './register-state.ts';
import { targetSteps } from './register-entry.ts';
import { bulkSteps, isPasted, readPasted, takeForm } from './register-bulk.ts';

const steps: Record<string, Step<Data>> = {
  ...targetSteps,
  ...bulkSteps,
  menu: {
    prompt(ctx, data) {
      const count = listTargets(ctx.db, data.registrationId).length;
      const choices: Choice[] = [{ id: 'add', label: ctx.t('reg-menu-add') }];
      if (count > 0)
        choices.push(
          { id: 'edit', label: ctx.t('reg-menu-edit') },
          { id: 'delete', label: ctx.t('reg-menu-delete') },
          { id: 'titles', label: ctx.t('reg-menu-titles') },
          { id: 'submit', label: ctx.t('reg-menu-submit') },
        );
      choices.push({ id: 'later', label: ctx.t('reg-menu-later') }, { id: 'form', label: ctx.t('reg-menu-form') });
      return { text: `${menuText(ctx, data)}\n\n${ctx.t('reg-menu-prompt')}`, choices, acceptsFile: true };
    },
    handle(ctx, data, answer) {
      if (answer.file) return takeForm(ctx, data, answer);
      if (isPasted(answer.text)) return readPasted(ctx, data, answer.text!);
      switch (answer.choice?.id) {
        case 'form':
          return { kind: 'next', step: 'form_wait', data, note: requestForm(ctx, 'targets', data.registrationId, null) };
        case 'add':
          return { kind: 'next', step: 'area', data: { ...data, draft: {} } };
        case 'edit':
          return { kind: 'next', step: 'pick_edit', data };
        case 'delete':
          return { kind: 'next', step: 'pick_delete', data };
        case 'titles':
          return { kind: 'next', step: 'titles', data: { ...data, titles: listTitles(ctx.db, data.registrationId) } };
        case 'submit':
          return { kind: 'next', step: 'submit', data };
        case 'later':
          return { kind: 'done', message: ctx.t('reg-saved-for-later'), choices: mainMenuChoices(ctx.t, ctx.person?.role) };
        default:
          return { kind: 'invalid', message: ctx.t('choice-expected') };
      }
    },
  },

  pick_delete: {
    prompt: (ctx, data) => ({ text: ctx.t('reg-pick-delete'), choices: targetChoices(ctx, data) }),
    handle(ctx, data, answer) {
      const target = listTargets(ctx.db, data.registrationId).find((x) => String(x.id) === answer.choice?.id);
      if (!target) return { kind: 'invalid', message: ctx.t('choice-expected') };
      return { kind: 'next', step: 'confirm_delete', data: { ...data, draft: { targetId: target.id, text: target.text } } };
    },
  },

  confirm_delete: {
    prompt: (ctx, data) => ({
      text: ctx.t('reg-confirm-delete', { text: data.draft?.text ?? '' }),
      choices: [
        { id: 'yes', label: ctx.t('choice-yes-delete') },
        { id: 'no', label: ctx.t('choice-no') },
      ],
    }),
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'yes') {
        removeTarget(ctx.db, data.registrationId, data.draft!.targetId!, ctx.actor, ctx.now);
        return { kind: 'next', step: 'menu', data: { ...data, draft: null }, note: ctx.t('reg-target-deleted'), saved: true };
      }
      if (answer.choice?.id === 'no') return { kind: 'next', step: 'menu', data: { ...data, draft: null } };
      return { kind: 'invalid', message: ctx.t('choice-expected') };
    },
  },

  titles: {
    prompt(ctx, data) {
      const chosen = new Set(data.titles ?? []);
      const { kind, inGroup } = titleContext(ctx.db, getRegistration(ctx.db, data.registrationId));
      const year = Number(ctx.movement!.endsOn.slice(0, 4));
      // Earlier years of the titles that build on them, when the data holds any.
      const history = TITLES_WITH_HISTORY.map((title) => ({ title, ...titleHistory(ctx.db, unitOf(ctx, data).id, title, year) }))
        .filter((h) => h.years.length > 0)
        .map((h) => ctx.t('reg-title-history', { title: ctx.t(`title-${h.title}`), years: h.years.join(', '), consecutive: h.consecutive }));
      // The titles the Chairman awarded it in earlier years, as the Board recorded them (/quyetdinh).
      for (const title of TITLES) {
        const awarded = awardedYears(ctx.db, unitOf(ctx, data).id, title, year);
        if (awarded.length > 0) history.push(ctx.t('reg-title-awarded', { title: ctx.t(`title-${title}`), years: awarded.join(', ') }));
      }
      return {
        text: [ctx.t('reg-titles-prompt'), ...history].join('\n'),
        choices: [
          ...titlesOffered(kind, inGroup).map((x) => ({ id: x, label: `${chosen.has(x) ? '☑' : '☐'} ${ctx.t(`title-${x}`)}` })),
          { id: 'done', label: ctx.t('reg-titles-done') },
        ],
      };
    },
    handle(ctx, data, answer) {
      const id = answer.choice?.id;
      if (!id) return { kind: 'invalid', message: ctx.t('choice-expected') };
      if (id === 'done') {
        setTitles(ctx.db, data.registrationId, data.titles ?? [], ctx.actor, ctx.now);
        if (data.sending) {
          // Chosen on the way to sending: on to it.
          const sent = send(ctx, { ...data, titles: undefined });
          return sent.kind === 'next' ? { ...sent, note: ctx.t('reg-titles-saved'), saved: true } : sent;
        }
        return { kind: 'next', step: 'menu', data: { registrationId: data.registrationId, draft: null }, note: ctx.t('reg-titles-saved'), saved: true };
      }
      const title = TITLES.find((t) => t === id);
      if (!title) return { kind: 'invalid', message: ctx.t('choice-expected') };
      return { kind: 'next', step: 'titles', data: { ...data, titles: toggleTitle(data.titles ?? [], title) } };
    },
  },

  submit: {
    prompt: (ctx, data) => ({
      text: `${menuText(ctx, data)}\n\n${ctx.t('reg-submit-prompt')}`,
      choices: [
        { id: 'send', label: ctx.t('reg-submit-send') },
        { id: 'send-note', label: ctx.t('reg-submit-with-note') },
        { id: 'not-yet', label: ctx.t('reg-submit-not-yet') },
      ],
    }),
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'not-yet') return { kind: 'next', step: 'menu', data };
      const id = answer.choice?.id;
      if (id !== 'send' && id !== 'send-note') return { kind: 'invalid', message: ctx.t('choice-expected') };
      return send(ctx, { ...data, sending: id });
    },
  },

  /** Sending with no titles sought: asked once, a title or an explicit "không". */
  titles_ask: {
    prompt(ctx, data) {
      const { kind, inGroup } = titleContext(ctx.db, getRegistration(ctx.db, data.registrationId));
      return {
        text: ctx.t('reg-titles-ask'),
        choices: [...titlesOffered(kind, inGroup).map((x) => ({ id: x, label: ctx.t(`title-${x}`) })), { id: 'none', label: ctx.t('reg-titles-none') }],
      };
    },
    handle(ctx, data, answer) {
      const id = answer.choice?.id;
      if (id === 'none') return send(ctx, { ...data, noTitles: true });
      const title = TITLES.find((t) => t === id);
      if (!title) return { kind: 'invalid', message: ctx.t('choice-expected') };
      // More may be sought with it (a flag and a certificate of merit): the list, ticked, then "Xong" sends.
      return { kind: 'next', step: 'titles', data: { ...data, titles: [title] } };
    },
  },

  submit_note: {
    prompt: (ctx) => ({ text: ctx.t('reg-submit-note-prompt'), choices: [skipChoice(ctx.t)] }),
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'skip') return submit(ctx, data, null);
      const note = cleanText(answer.text ?? '');
      if (isBlankText(note)) return { kind: 'invalid', message: ctx.t('note-expected') };
      if (note.length > TARGET_TEXT_MAX) return { kind: 'invalid', message: ctx.t('reg-text-too-long', { max: TARGET_TEXT_MAX, length: note.length }) };
      return submit(ctx, data, note);
    },
  },

  locked: {
    prompt: (ctx, data) => ({
      text: `${menuText(ctx, data)}\n\n${ctx.t('reg-locked', { status: getRegistration(ctx.db, data.registrationId).status })}`,
      choices: [{ id: 'ask-reopen', label: ctx.t('reg-ask-reopen') }, ...mainMenuChoices(ctx.t, ctx.person?.role)],
    }),
    handle(ctx, data, answer) {
      if (answer.choice?.id === 'ask-reopen') return { kind: 'next', step: 'reopen_reason', data };
      if (answer.choice?.id.startsWith('go:')) return { kind: 'switch', flow: answer.choice.id.slice(3) };
      return { kind: 'invalid', message: ctx.t('choice-expected') };
    },
  },

  reopen_reason: {
    prompt: (ctx) => ({ text: ctx.t('reg-reopen-reason-prompt') }),
    handle(ctx, data, answer) {
      const read = readReason(ctx, answer.text);
      if ('error' in read) return { kind: 'invalid', message: read.error };
      const { reason } = read;
      const reg = getRegistration(ctx.db, data.registrationId);
      recordAudit(ctx.db, ctx.actor, ctx.now, { action: 'registration.reopen-request', entity: 'registration', entityId: reg.id, after: { reason } });
      ctx.notify(adminIds(ctx), `reopen-request:${reg.id}:v${reg.version}:${ctx.now}`, 'reg-reopen-request-notice', { unit: unitOf(ctx, data).name, reason });
      return { kind: 'done', message: ctx.t('reg-reopen-requested'), choices: mainMenuChoices(ctx.t, ctx.person?.role) };
    },
  },
};

/**
 * "Gửi" pressed: the titles asked first if none are sought (only before the first sending: sent
 * once without titles, the unit has said so), then the note if one was wanted, then sent.
 */
function send(ctx: FlowContext, data: Data): StepResult<Data> {
  const neverSent = getRegistration(ctx.db, data.registrationId).version === 0;
  if (neverSent && listTitles(ctx.db, data.registrationId).length === 0 && !data.noTitles) return { kind: 'next', step: 'titles_ask', data };
  if (data.sending === 'send-note') return { kind: 'next', step: 'submit_note', data };
  return submit(ctx, data, null);
}

/** Sends the registration (with the liaison's note, if any) and tells the Board. */
function submit(ctx: FlowContext, data: Data, note: string | null): StepResult<Data> {
  const reg = submitRegistration(ctx.db, data.registrationId, ctx.actor, ctx.now, note);
  ctx.notify(adminIds(ctx), `registration-submitted:${reg.id}:v${reg.version}`, 'reg-admin-notice', {
    unit: unitOf(ctx, data).name,
    version: reg.version,
    count: listTargets(ctx.db, reg.id).length,
    late: reg.late ? 'yes' : 'no',
    note: note ?? '',
    hasNote: note ? 'yes' : 'no',
  });
  return {
    kind: 'done',
    message: ctx.t('reg-submitted', { version: reg.version, late: reg.late ? 'yes' : 'no', deadline: formatVnDate(deadlineFor(ctx.movement!, reg)) }),
    // The form to print, sign and stamp, first.
    choices: [{ id: 'go:regform', label: ctx.t('reg-download-form') }, ...mainMenuChoices(ctx.t, ctx.person?.role)],
  };
}

/** What `/dangky …` may add: the form at once ("bieumau", also from the reminder's button), and for the Board a unit. */
const FORM_WORDS = new Set(['form', 'bieumau', 'bieu mau', 'excel']);

/** Where a registration starts (who may open it is registerFlow.requires). */
function start(ctx: FlowContext, args: string): StartResult<Data> {
  const words = args.trim().split(/\s+/).filter((w) => w !== '');
  const wantsForm = words.length > 0 && FORM_WORDS.has(fold(words.at(-1)!));
  const chosen = unitToEnter(ctx, (wantsForm ? words.slice(0, -1) : words).join(' '));
  if (!chosen) return { kind: 'refuse', message: ctx.t('reg-not-allowed') };
  if ('refused' in chosen) return { kind: 'refuse', message: chosen.refused };
  const { unit } = chosen;
  const reg = ensureRegistration(ctx.db, ctx.movement!.id, unit.id, ctx.now);
  const data: Data = { registrationId: reg.id, draft: null };
  // An approved registration can be asked to be reopened; one waiting for review just waits.
  if (reg.status === 'approved') return { kind: 'start', step: 'locked', data };
  if (!isEditable(reg.status)) {
    return { kind: 'done', message: `${menuText(ctx, data)}\n\n${ctx.t('reg-locked', { status: reg.status })}`, choices: mainMenuChoices(ctx.t, ctx.person?.role) };
  }
  if (wantsForm) return { kind: 'start', step: 'form_wait', data, note: requestForm(ctx, 'targets', reg.id, null) };
  if (listTargets(ctx.db, reg.id).length === 0) return { kind: 'start', step: 'area', data: { ...data, draft: {} }, note: ctx.t('reg-intro', { unit: unit.name }) };
  return { kind: 'start', step: 'menu', data };
}

export const registerFlow = defineFlow<Data>({
  id: 'register',
  version: 1,
  schema: data,
  commands: [{ en: 'register', vi: 'dangky', menu: ['liaison'], place: 60 }],
  requires: { movement: true, person: { may: can.fileForUnit, refusal: 'reg-not-allowed' } },
  start,
  steps,
});
