/** Every guided conversation the chat core offers (the year's-end ones loaded on first use: year-end.ts). */
import { languageFlow } from './language.ts';
import { linkFlow } from './link.ts';
import { menuFlow } from './menu.ts';
import { myUnitFlow } from './my-unit.ts';
import { registerFlow } from './register.ts';
import { reportFlow } from './report.ts';
import { broadcastFlow } from './broadcast.ts';
import { exportFlow, registrationFormFlow } from './export.ts';
import { inviteFlow } from './invite.ts';
import { signerFlow } from './signer.ts';
import { lateFlow } from './late.ts';
import { reviewFlow } from './review.ts';
import { statusFlow } from './status.ts';
import { znsOffFlow } from './zns-off.ts';
import { yearEndMenuFlow } from './year-end-menu.ts';
import { decisionFlow, dossierFlow, proposalFlow, scoreFlow, scoreFormFlow, voteFlow } from './year-end.ts';

export const ALL_FLOWS = [linkFlow, menuFlow, languageFlow, registerFlow, reportFlow, myUnitFlow, statusFlow, reviewFlow, lateFlow, inviteFlow, exportFlow, registrationFormFlow, signerFlow, broadcastFlow, znsOffFlow, scoreFlow, voteFlow, proposalFlow, scoreFormFlow, dossierFlow, decisionFlow, yearEndMenuFlow];
